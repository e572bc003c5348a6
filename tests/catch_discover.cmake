# placeholder: the suite runs as one ctest entry
