setTimeout(() => {
  console.log("Finishing async task");
  process.exit(0); // now safe to exit
}, 1000);
