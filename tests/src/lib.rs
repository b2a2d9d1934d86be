//! Support for Tideline's end-to-end tests: building the binaries once and
//! running them the way a user does.
