const configLoaded = false;
if (!configLoaded) {
  console.error("Configuration missing. Exiting...");
  process.exit(1); // Failure
}

// Else continue app...
console.log("App started successfully.");
process.exit(0); // Success
