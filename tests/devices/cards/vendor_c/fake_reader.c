/* A stand-in for a reader vendor's shared library: the sdtapi and termb entry points
 * and a WLT "unpack", with the state a test sets through test_* functions.
 * Built by the tests with gcc and loaded through the same ctypes path as the real one. */
#include <string.h>

static unsigned char g_text[256];
static unsigned char g_photo[1024];
static unsigned char g_address[70];
static int g_has_card = 1;
static int g_has_address = 0;
static int g_select_failures = 0;
static int g_forced = 0;
static int g_open = 0;
static char g_fields[9][128]; /* termb getters, GBK */
static int g_calls = 0;

void test_reset(void) {
    memset(g_text, 0, sizeof g_text); memset(g_fields, 0, sizeof g_fields);
    for (int i = 0; i < 1024; i++) g_photo[i] = (unsigned char)(i * 7);
    g_has_card = 1; g_has_address = 0; g_select_failures = 0; g_forced = 0; g_calls = 0;
}
void test_set_text(const unsigned char *text) { memcpy(g_text, text, 256); }
void test_set_address(const unsigned char *addr) { memcpy(g_address, addr, 70); g_has_address = 1; }
void test_set_card(int present) { g_has_card = present; }
void test_set_select_failures(int n) { g_select_failures = n; }
void test_force_status(int sw3) { g_forced = sw3; }
void test_set_field(int index, const char *gbk) { strncpy(g_fields[index], gbk, 127); }
int test_calls(void) { return g_calls; }

/* ---- sdtapi ---- */
int SDT_OpenPort(int port) { if (port != 1001) return 0x01; g_open = 1; return 0x90; }
int SDT_ClosePort(int port) { (void)port; g_open = 0; return 0x90; }
int SDT_GetSAMIDToStr(int port, char *out, int ifopen) {
    (void)port; (void)ifopen; strcpy(out, "05.01-20260101-0000000001-2233445566"); return 0x90;
}
int SDT_StartFindIDCard(int port, unsigned char *mana, int ifopen) {
    (void)port; (void)ifopen; g_calls++;
    if (g_forced) return g_forced;
    memset(mana, 0, 4);
    return g_has_card ? 0x9f : 0x80;
}
int SDT_SelectIDCard(int port, unsigned char *mana, int ifopen) {
    (void)port; (void)ifopen; (void)mana;
    if (g_select_failures > 0) { g_select_failures--; return 0x81; }
    return 0x90;
}
int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                    unsigned char *photo, unsigned int *photo_len, int ifopen) {
    (void)port; (void)ifopen;
    memcpy(text, g_text, 256); *text_len = 256;
    memcpy(photo, g_photo, 1024); *photo_len = 1024;
    return 0x90;
}
int SDT_ReadNewAppMsg(int port, unsigned char *out, unsigned int *len, int ifopen) {
    (void)port; (void)ifopen;
    if (!g_has_address) return 0x91;
    memcpy(out, g_address, 70); *len = 70; return 0x90;
}

/* ---- termb ---- */
int CVR_InitComm(int port) { return port == 1001 ? 1 : 2; }
int CVR_CloseComm(void) { return 1; }
int CVR_Authenticate(void) { g_calls++; return g_has_card ? 1 : 2; }
int CVR_Read_Content(int active) { (void)active; return 1; }
static int get(int i, char *buf, int *len) {
    int n = (int)strlen(g_fields[i]);
    if (*len < n) return 0;
    memcpy(buf, g_fields[i], n); *len = n; return 1;
}
int GetPeopleName(char *b, int *l) { return get(0, b, l); }
int GetPeopleSex(char *b, int *l) { return get(1, b, l); }
int GetPeopleNation(char *b, int *l) { return get(2, b, l); }
int GetPeopleBirthday(char *b, int *l) { return get(3, b, l); }
int GetPeopleAddress(char *b, int *l) { return get(4, b, l); }
int GetPeopleIDCode(char *b, int *l) { return get(5, b, l); }
int GetDepartment(char *b, int *l) { return get(6, b, l); }
int GetStartDate(char *b, int *l) { return get(7, b, l); }
int GetEndDate(char *b, int *l) { return get(8, b, l); }

/* ---- WLT decoder: 102x126 BGR rows padded to 308 bytes, from the WLT bytes ---- */
int unpack(const unsigned char *wlt, unsigned char *bmp, int save) {
    (void)save;
    if (wlt[0] == 0xFF && wlt[1] == 0xFF) return -2; /* "corrupt" WLT */
    for (int i = 0; i < 308 * 126; i++) bmp[i] = wlt[i % 1024];
    return 1;
}
