const fetchData = () => Promise.reject(new Error("no data"));

fetchData()
  .then((data) => console.log(data))
  .catch((err) => console.error("Promise error:", err.message));
