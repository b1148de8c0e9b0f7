"$LIBMATCH" match -a stable --proposers tutors
