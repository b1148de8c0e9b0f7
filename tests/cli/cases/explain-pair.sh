"$LIBMATCH" explain ../../data/sample/role_model.json m-00001 r-00001
