# The API reference: Doxygen over include/libmatch/ with every warning an
# error (docs/Doxyfile.in). The `api_reference` test runs it, so a public
# declaration without its documentation fails the suite; the `api-docs`
# target builds the same pages for reading (build/docs/api/html/).
# tools/setup-debian.sh installs doxygen; without it the test fails and
# says so instead of passing unseen.
find_program(LM_DOXYGEN NAMES doxygen)
if(NOT LM_DOXYGEN)
  set(LM_DOXYGEN doxygen)
endif()
configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${PROJECT_BINARY_DIR}/docs/Doxyfile @ONLY)
add_custom_target(api-docs COMMAND ${LM_DOXYGEN} ${PROJECT_BINARY_DIR}/docs/Doxyfile
  WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/docs VERBATIM)
if(LM_BUILD_TESTS)
  add_test(NAME api_reference COMMAND ${LM_DOXYGEN} ${PROJECT_BINARY_DIR}/docs/Doxyfile
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/docs)
endif()
