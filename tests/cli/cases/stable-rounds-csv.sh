# Choice rounds, in file order, as CSV.
"$LIBMATCH" stable --algorithm rounds --format csv valid/prefs-wants.json
