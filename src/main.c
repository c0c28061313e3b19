#include <stdio.h>
int main(void) { puts("datamap " DM_VERSION); return 0; }
