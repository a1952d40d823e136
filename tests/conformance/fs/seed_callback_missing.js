// The seed's callback example, when file.txt does not exist: the error object as node prints it.
const fs = require("fs");

fs.readFile("no-such-file.txt", "utf8", (err, data) => {
  if (err) return console.error(err);
  console.log(data);
});
