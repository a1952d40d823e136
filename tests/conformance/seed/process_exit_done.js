console.log("Done.");
process.exit(0);
