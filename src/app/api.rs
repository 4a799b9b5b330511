//! The one place that talks to the network: fetch a dataset file as text.

use std::fmt;

/// Why a file could not be fetched (validation problems are a `Report`).
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request never got an answer (offline, blocked, CORS).
    Network(String),
    /// The server answered with a non-success status.
    Http(u16),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(m) => write!(f, "network failure: {m}"),
            FetchError::Http(s) => write!(f, "HTTP status {s}"),
        }
    }
}

/// GETs `url` and returns its body as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let resp = gloo_net::http::Request::get(url).send().await.map_err(|e| FetchError::Network(e.to_string()))?;
    if !resp.ok() {
        return Err(FetchError::Http(resp.status()));
    }
    resp.text().await.map_err(|e| FetchError::Network(e.to_string()))
}
