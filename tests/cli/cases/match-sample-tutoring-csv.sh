"$LIBMATCH" match --model tutoring --format csv
