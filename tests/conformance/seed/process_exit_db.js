const dbConnected = true;
if (!dbConnected) {
  console.error("Database not connected. Exiting...");
  process.exit(1); // Failure
}

console.log("App started successfully.");
process.exit(0); // Success
