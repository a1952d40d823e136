process.on("SIGTERM", () => {}); console.log("exits without keeping alive")
