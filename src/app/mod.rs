//! The browser side without views: the store and its derived memos, the network,
//! the loader, the user's datasets, the worker bridge, URL sync and downloads.

pub mod api;
pub mod boot;
pub mod checker;
pub mod derived;
pub mod download;
pub mod error;
pub mod export;
pub mod idb;
pub mod js;
pub mod pipeline;
pub mod resize;
pub mod settle;
pub mod store;
pub mod stories;
pub mod url_sync;
pub mod user_data;
pub mod worker;
