"$LIBMATCH" validate --model tutoring ../../data/sample/tutoring.json
