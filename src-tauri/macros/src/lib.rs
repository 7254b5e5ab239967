//! `#[command]`: the one way to declare a command the window may call.
//!
//! It is `#[tauri::command(rename_all = "snake_case")]`, plus a hidden
//! function beside it, `__signature_<command>`, that spells the command's
//! call as the UI sees it:
//! `{ args: { period_id: number; … }; result: ScheduleView }`. The types are
//! named by ts-rs (`<T as ts_rs::TS>::name`), so an argument or result type
//! the UI cannot know does not compile, and the argument names are the Rust
//! parameters themselves: the UI's `Commands` interface cannot drift from them.
//! `build.rs` finds every `#[command]` in `src/commands/` and lists it once for
//! the handler, the permissions and the generated TypeScript.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote, ToTokens};
use syn::{
    parse_macro_input, FnArg, GenericArgument, ItemFn, Pat, PathArguments, ReturnType, Type,
};

/// Parameters Tauri fills in itself (state, the app, the window): not part
/// of the call. A new managed-state alias (`FooState<'_>`) belongs here, or
/// it is taken for an argument and fails to compile for want of `TS`.
const INJECTED: &[&str] = &[
    "State",
    "DbState",
    "RunsState",
    "AppHandle",
    "Window",
    "WebviewWindow",
    "Webview",
];

#[proc_macro_attribute]
pub fn command(attr: TokenStream, item: TokenStream) -> TokenStream {
    if !attr.is_empty() {
        return syn::Error::new(
            Tokens::from(attr)
                .into_iter()
                .next()
                .map(|t| t.span())
                .unwrap_or_else(proc_macro2::Span::call_site),
            "#[command] takes no arguments: arguments are always snake_case",
        )
        .to_compile_error()
        .into();
    }
    let func = parse_macro_input!(item as ItemFn);
    match expand(&func) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn expand(func: &ItemFn) -> syn::Result<Tokens> {
    let name = &func.sig.ident;
    let mut args = Vec::new();
    for input in &func.sig.inputs {
        let FnArg::Typed(typed) = input else {
            return Err(syn::Error::new_spanned(
                input,
                "a command is a free function",
            ));
        };
        if is_injected(&typed.ty) {
            continue;
        }
        let Pat::Ident(ident) = &*typed.pat else {
            return Err(syn::Error::new_spanned(
                &typed.pat,
                "name each argument of a command: the UI passes it by that name",
            ));
        };
        let arg = ident.ident.to_string();
        let ts = typescript_of(&typed.ty);
        args.push(quote! { format!("{}: {}", #arg, #ts) });
    }
    let result = match &func.sig.output {
        ReturnType::Default => quote! { String::from("null") },
        ReturnType::Type(_, ty) => typescript_of(ok_type(ty)),
    };
    let signature = format_ident!("__signature_{}", name);
    Ok(quote! {
        #[::tauri::command(rename_all = "snake_case")]
        #func

        /// `{ args: …; result: … }`: this command as the UI calls it.
        #[doc(hidden)]
        pub fn #signature(cfg: &::ts_rs::Config) -> String {
            let args: Vec<String> = vec![#(#args),*];
            let args = if args.is_empty() {
                String::from("NoArgs")
            } else {
                format!("{{ {} }}", args.join("; "))
            };
            format!("{{ args: {}; result: {} }}", args, #result)
        }
    })
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) => p.path.segments.last(),
        Type::Reference(r) => last_segment(&r.elem),
        _ => None,
    }
}

fn is_injected(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|s| INJECTED.contains(&s.ident.to_string().as_str()))
}

/// The first type argument of `Name<T>`, if `ty` is one.
fn argument_of<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let segment = last_segment(ty)?;
    if segment.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(generics) = &segment.arguments else {
        return None;
    };
    generics.args.iter().find_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// What the UI receives: the `T` of `AppResult<T>` / `Result<T, _>`.
fn ok_type(ty: &Type) -> &Type {
    argument_of(ty, "AppResult")
        .or_else(|| argument_of(ty, "Result"))
        .unwrap_or(ty)
}

fn typescript_of(ty: &Type) -> Tokens {
    // A channel is Tauri's, not a ts-rs type: the UI passes `new Channel<T>()`.
    if let Some(event) = argument_of(ty, "Channel") {
        let event = event.to_token_stream();
        return quote! { format!("Channel<{}>", <#event as ::ts_rs::TS>::name(cfg)) };
    }
    quote! { <#ty as ::ts_rs::TS>::name(cfg) }
}
