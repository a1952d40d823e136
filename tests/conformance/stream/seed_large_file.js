const fs = require("fs");
const stream = fs.createReadStream("largefile.txt");

stream.on("data", (chunk) => {
  console.log("Received:", chunk.length, "bytes");
});
