process.on("uncaughtException", (err) => {
  console.error("Uncaught Exception:", err.message);
});

setTimeout(() => console.log("still running"), 10);
throw new Error("oops");
