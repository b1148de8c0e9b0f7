# API hygiene: every public header compiles alone, pedantically; the shared
# library exports exactly the functions the headers declare; an installed
# libmatch can be consumed through CMake and through pkg-config.

file(GLOB LM_PUBLIC_HEADERS ${PROJECT_SOURCE_DIR}/include/libmatch/*.h)
set(header_sources)
foreach(h ${LM_PUBLIC_HEADERS})
  get_filename_component(name ${h} NAME_WE)
  set(src ${CMAKE_CURRENT_BINARY_DIR}/headertest/${name}.c)
  file(WRITE ${src} "#include <libmatch/${name}.h>\nint lm_headertest_${name}(void);\nint lm_headertest_${name}(void) { return 0; }\n")
  list(APPEND header_sources ${src})
endforeach()
add_library(lm_headertest OBJECT ${header_sources})
target_include_directories(lm_headertest PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_BINARY_DIR}/include)
target_compile_options(lm_headertest PRIVATE -std=c11 -Wall -Wextra -pedantic -Werror)
add_test(NAME headers_alone
  COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target lm_headertest)

add_test(NAME exported_symbols
  COMMAND ${CMAKE_COMMAND} -DLIB=$<TARGET_FILE:libmatch_shared>
          -DHEADERS=${PROJECT_SOURCE_DIR}/include/libmatch -P ${CMAKE_CURRENT_SOURCE_DIR}/check_exports.cmake)

add_test(NAME install_and_consume
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh ${PROJECT_BINARY_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/consumer)
set_tests_properties(install_and_consume PROPERTIES TIMEOUT 600)
