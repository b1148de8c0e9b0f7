# Stable matching never re-optimises current pairs.
"$LIBMATCH" match -a stable --rematch
