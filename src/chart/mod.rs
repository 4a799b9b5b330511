//! Pure chart geometry: scales, ticks, colour classification and palettes.
