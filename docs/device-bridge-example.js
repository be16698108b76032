// Counter Desk device bridge: a small client for browser-based acceptance platforms.
// The same file is loaded by the project's browser test (tests/desk_app/hub/bridge_page.html).
class CounterDeskBridge {
  constructor(base = "http://127.0.0.1:17990") {
    this.base = base;
    this.token = localStorage.getItem("counterDeskToken") || "";
  }

  async call(path, { method = "POST", body, type = "application/json" } = {}) {
    const headers = {};
    if (this.token) headers["Authorization"] = `Bearer ${this.token}`;
    if (body !== undefined) headers["Content-Type"] = type;
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : type === "application/json" ? JSON.stringify(body) : body,
      // Chrome's local-network permission: the bridge is on this machine's loopback
      targetAddressSpace: "loopback",
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.message || `HTTP ${response.status}`);
    return answer;
  }

  status() { return this.call("/v1/status", { method: "GET" }); }

  // 1) askPairing(): the desk shows a 6-digit code; 2) a person types it: confirmPairing(code)
  askPairing() { return this.call("/v1/pairing"); }
  async confirmPairing(code) {
    const { token } = await this.call("/v1/pairing/confirm", { body: { code } });
    this.token = token;
    localStorage.setItem("counterDeskToken", token);
  }

  readCard(timeout = 8) { return this.call("/v1/card/read", { body: { timeout } }); }
  capture(mode = "document", format = "jpeg") {
    return this.call("/v1/camera/capture", { body: { mode, format } });
  }
  scan(source = "flatbed", format = "pdf") {
    return this.call("/v1/scanner/scan", { body: { source, format } });
  }
  printSlip(template, data) { return this.call("/v1/printer/slip", { body: { template, data } }); }
  printPdf(blob) { return this.call("/v1/printer/pdf", { body: blob, type: "application/pdf" }); }

  // device events: {type: "hello" | "state", role, ok, message}
  events(onEvent) {
    const ws = new WebSocket(this.base.replace(/^http/, "ws") + "/v1/events");
    ws.onopen = () => ws.send(JSON.stringify({ token: this.token }));
    ws.onmessage = (message) => onEvent(JSON.parse(message.data));
    return ws;
  }
}
