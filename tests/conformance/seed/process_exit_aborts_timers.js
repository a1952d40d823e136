setTimeout(() => {
  console.log("This will never run.");
}, 1000);

process.exit(0); // exits before timeout callback runs
