"$LIBMATCH" explain ../../data/sample/role_model.json m-99999 r-00001
