//! The address the audience should open for the view being presented (the QR code): the page's own
//! address, unless it is a loopback one (`127.0.0.1`, `localhost`, `[::1]` — a laptop or USB stick
//! serving the app to itself), which no phone in the room can open; then the configured public
//! address of the dashboard, when there is one.

/// What the QR code encodes, and whether it can work for the audience.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    /// An address phones can open: the page's own, or the public one in place of a loopback origin.
    Reachable(String),
    /// The page is served from a loopback address and no public address is configured: the code
    /// would only open on this computer.
    LoopbackOnly(String),
}

/// Whether `href`'s host is a loopback address.
pub fn is_loopback(href: &str) -> bool {
    let rest = href.split_once("://").map_or(href, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split(']').next().map(|h| format!("{h}]")).unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default().to_string()
    };
    let host = host.to_ascii_lowercase();
    let ip_loopback = host.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified());
    host == "localhost" || host.ends_with(".localhost") || host == "[::1]" || ip_loopback
}

/// A public address as configured: `http(s)://…`, no spaces or quotes; a missing final `/` is added.
pub fn normalise_public(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() <= 500
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        && !is_loopback(url);
    let url = url.split(['?', '#']).next().unwrap_or_default();
    ok.then(|| if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// The address of the view `query` (`?page=…`, as `url::encode` writes it) for the audience,
/// given the page's `href` and the configured public address, if any.
pub fn shared_address(href: &str, public: Option<&str>, query: &str) -> Shared {
    let base = href.split(['?', '#']).next().unwrap_or_default();
    if !is_loopback(href) {
        return Shared::Reachable(format!("{base}{query}"));
    }
    match public.and_then(normalise_public) {
        Some(p) => Shared::Reachable(format!("{p}{query}")),
        None => Shared::LoopbackOnly(format!("{base}{query}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for h in [
            "http://127.0.0.1:8080/",
            "http://localhost/x",
            "http://LOCALHOST:9/",
            "http://[::1]:8080/",
            "http://127.1.2.3/",
            "http://user@localhost/",
            "http://0.0.0.0:8000/",
        ] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["https://example.org/vagas/", "http://192.168.1.20:8080/", "https://127.example.org/"] {
            assert!(!is_loopback(h), "{h}");
        }
    }

    #[test]
    fn the_audience_gets_an_address_it_can_open() {
        let q = "?page=explore&area=PT-08";
        assert_eq!(
            shared_address("https://example.org/vagas/?slide=2", None, q),
            Shared::Reachable("https://example.org/vagas/?page=explore&area=PT-08".into())
        );
        assert_eq!(
            shared_address("http://127.0.0.1:8080/?slide=2#x", Some("https://example.org/vagas"), q),
            Shared::Reachable("https://example.org/vagas/?page=explore&area=PT-08".into())
        );
        assert_eq!(
            shared_address("http://127.0.0.1:8080/?slide=2", None, q),
            Shared::LoopbackOnly("http://127.0.0.1:8080/?page=explore&area=PT-08".into())
        );
        // A configured address that is itself loopback, or not http(s), does not help.
        for bad in ["http://localhost:8080/", "javascript:alert(1)", "ftp://x/", "https://a b/", ""] {
            assert!(matches!(shared_address("http://127.0.0.1/", Some(bad), q), Shared::LoopbackOnly(_)), "{bad}");
        }
        assert_eq!(normalise_public(" https://example.org/v?x=1 ").as_deref(), Some("https://example.org/v/"));
    }
}
