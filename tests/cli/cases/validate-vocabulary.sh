"$LIBMATCH" validate --model tutoring ../../data/sample/role_model.json
