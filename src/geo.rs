//! Pure map geometry: projection, fitting, SVG path building, insets.
