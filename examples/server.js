// The seed guide's basic http server (section 8): run it with
//   cargo run --release -p node-runtime -- examples/server.js
// then `curl http://localhost:3000/`. PORT overrides the port (0 picks a free one).
const http = require("http");

const server = http.createServer((req, res) => {
  if (req.url === "/" && req.method === "GET") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("Hello, world!");
  } else {
    res.writeHead(404);
    res.end("Not Found");
  }
});

server.listen(process.env.PORT === undefined ? 3000 : Number(process.env.PORT), () => {
  console.log("Server is running on http://localhost:3000");
});
