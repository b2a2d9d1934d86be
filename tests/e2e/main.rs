//! End-to-end journeys through the real app in WebKitGTK, each checked
//! against the SQLite file the app writes.

mod accessibility;
mod canvas;
mod compare;
mod editor;
mod first_run;
mod foundation;
mod library;
mod safety;
mod security;
mod styles;
mod support;
mod transfer;
mod workspaces;
