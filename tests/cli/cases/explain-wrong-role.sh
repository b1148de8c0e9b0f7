"$LIBMATCH" explain ../../data/sample/role_model.json r-00001 r-00002
