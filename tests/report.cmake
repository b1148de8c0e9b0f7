# The staff report: the Check suite (tests/test_report.c) is picked up with
# the others; this adds the test that renders the report in headless
# Chromium. CI installs Chromium with tools/setup-debian.sh; without it the
# test fails and says so, rather than passing unseen.
find_program(LM_CHROMIUM NAMES chromium chromium-browser)
if(NOT LM_CHROMIUM)
  set(LM_CHROMIUM chromium)
endif()
add_executable(lm_make_report ${CMAKE_CURRENT_SOURCE_DIR}/report/make_report.c)
target_link_libraries(lm_make_report PRIVATE libmatch_shared)
add_test(NAME report_chromium
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report/render.sh ${LM_CHROMIUM}
          $<TARGET_FILE:libmatch_cli> $<TARGET_FILE:lm_make_report>
          ${PROJECT_SOURCE_DIR}/data/sample ${CMAKE_CURRENT_BINARY_DIR}/report-out)
set_tests_properties(report_chromium PROPERTIES TIMEOUT 300)
