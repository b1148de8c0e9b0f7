"$LIBMATCH" validate ../../data/sample/role_model.json
