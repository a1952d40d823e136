// The seed guide's basic server (examples/server.js), on a free port, asked for / and for a
// missing page by the http client; prints status, headers (without Date) and bodies.
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

function get(path) {
  return new Promise((resolve, reject) => {
    http.get({ port: server.address().port, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        const headers = res.rawHeaders.filter((_, i, a) => a[i & ~1] !== "Date");
        console.log(path, res.statusCode, res.statusMessage, headers, JSON.stringify(body));
        resolve();
      });
    }).on("error", reject);
  });
}

server.listen(0, async () => {
  console.log("Server is running");
  await get("/");
  await get("/missing");
  server.close(() => console.log("closed"));
});
