# Capacity 0, empty lists, lists naming people who do not list back.
"$LIBMATCH" stable valid/prefs-edge-cases.json
