const interval = setInterval(() => {}, 1000);
clearInterval(interval);
console.log("cleared");
