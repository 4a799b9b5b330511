//! Entry point of the WebAssembly app: install the panic hook, mount the root.

fn main() {
    console_error_panic_hook::set_once();
    // The same module runs in the dataset worker (src/js/worker.js), which
    // has no page to mount.
    if web_sys::window().is_none() {
        return;
    }
    leptos::mount::mount_to_body(vagas::ui::root::App);
}
