//! `URLSearchParams`: an ordered list of name/value pairs with
//! `application/x-www-form-urlencoded` parsing and serialisation.

/// Node's `URLSearchParams`.
///
/// Mirrors <https://nodejs.org/api/url.html#class-urlsearchparams>.
///
/// # Examples
/// ```
/// use node_stdlib::url::UrlSearchParams;
/// let mut p = UrlSearchParams::parse("?b=2&a=1&b=3");
/// p.sort();
/// assert_eq!(p.to_string(), "a=1&b=2&b=3");
/// assert_eq!(p.get_all("b"), ["2", "3"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlSearchParams {
    list: Vec<(String, String)>,
}

impl UrlSearchParams {
    /// Parses a query string (one leading `?` is ignored): `new URLSearchParams(string)`.
    ///
    /// # Examples
    /// ```
    /// let p = node_stdlib::url::UrlSearchParams::parse("a=%zz&b+c=%E2%82%AC");
    /// assert_eq!(p.pairs()[1], ("b c".to_string(), "€".to_string()));
    /// assert_eq!(p.get("a"), Some("%zz"));
    /// ```
    pub fn parse(query: &str) -> UrlSearchParams {
        let query = query.strip_prefix('?').unwrap_or(query);
        UrlSearchParams {
            list: url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        }
    }

    /// Builds from pairs (the sequence and record constructor forms).
    ///
    /// # Examples
    /// ```
    /// let p = node_stdlib::url::UrlSearchParams::from_pairs(vec![("a".into(), "1".into())]);
    /// assert_eq!(p.size(), 1);
    /// ```
    pub fn from_pairs(pairs: Vec<(String, String)>) -> UrlSearchParams {
        UrlSearchParams { list: pairs }
    }

    /// The pairs in order (what iteration yields).
    ///
    /// # Examples
    /// ```
    /// assert!(node_stdlib::url::UrlSearchParams::parse("").pairs().is_empty());
    /// ```
    pub fn pairs(&self) -> &[(String, String)] {
        &self.list
    }

    /// The number of pairs (`params.size`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::UrlSearchParams::parse("a&a").size(), 2);
    /// ```
    pub fn size(&self) -> usize {
        self.list.len()
    }

    /// Appends a pair (`params.append`).
    ///
    /// # Examples
    /// ```
    /// let mut p = node_stdlib::url::UrlSearchParams::default();
    /// p.append("a", "1");
    /// assert_eq!(p.to_string(), "a=1");
    /// ```
    pub fn append(&mut self, name: &str, value: &str) {
        self.list.push((name.to_owned(), value.to_owned()));
    }

    /// Removes every pair with `name` (and `value`, when given): `params.delete`.
    ///
    /// # Examples
    /// ```
    /// let mut p = node_stdlib::url::UrlSearchParams::parse("a=1&a=2&b=3");
    /// p.delete("a", Some("2"));
    /// assert_eq!(p.to_string(), "a=1&b=3");
    /// ```
    pub fn delete(&mut self, name: &str, value: Option<&str>) {
        self.list
            .retain(|(n, v)| !(n == name && (value.is_none() || value == Some(v.as_str()))));
    }

    /// The first value for `name` (`params.get`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::UrlSearchParams::parse("a=1").get("b"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value for `name` (`params.getAll`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::UrlSearchParams::parse("a=1&a=2").get_all("a"), ["1", "2"]);
    /// ```
    #[doc(alias = "getAll")]
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.list
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether a pair with `name` (and `value`, when given) exists (`params.has`).
    ///
    /// # Examples
    /// ```
    /// let p = node_stdlib::url::UrlSearchParams::parse("a=1");
    /// assert!(p.has("a", None) && !p.has("a", Some("2")));
    /// ```
    pub fn has(&self, name: &str, value: Option<&str>) -> bool {
        self.list
            .iter()
            .any(|(n, v)| n == name && (value.is_none() || value == Some(v.as_str())))
    }

    /// Sets the first `name` pair to `value` and removes the others, or appends
    /// (`params.set`).
    ///
    /// # Examples
    /// ```
    /// let mut p = node_stdlib::url::UrlSearchParams::parse("a=1&b=2&a=3");
    /// p.set("a", "9");
    /// assert_eq!(p.to_string(), "a=9&b=2");
    /// ```
    pub fn set(&mut self, name: &str, value: &str) {
        let mut found = false;
        self.list.retain_mut(|(n, v)| {
            if n != name {
                return true;
            }
            if found {
                return false;
            }
            found = true;
            value.clone_into(v);
            true
        });
        if !found {
            self.append(name, value);
        }
    }

    /// Stable sort by name in UTF-16 code-unit order (`params.sort`).
    ///
    /// # Examples
    /// ```
    /// let mut p = node_stdlib::url::UrlSearchParams::parse("\u{fffd}=a&\u{1f600}=b");
    /// p.sort();
    /// assert_eq!(p.pairs()[0].1, "b");
    /// ```
    pub fn sort(&mut self) {
        self.list
            .sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    }
}

/// `params.toString()`: `application/x-www-form-urlencoded` serialisation.
impl std::fmt::Display for UrlSearchParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.list.iter())
            .finish();
        f.write_str(&s)
    }
}
