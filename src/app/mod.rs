//! The browser side: the store, the network, the loader and the root view.

pub mod api;
pub mod download;
pub mod js;
pub mod loader;
pub mod resize;
pub mod root;
pub mod store;
pub mod stories;
pub mod url_sync;
pub mod user_data;
pub mod worker;
