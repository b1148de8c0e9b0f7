# Choice rounds by time waiting.
"$LIBMATCH" match -m tutoring -a rounds --format csv | head -n 4
