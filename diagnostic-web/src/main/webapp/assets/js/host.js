// Inside a host system's iframe (a signed launch): tells the host's page what changed, so that its
// screen can refresh — to the origin the host registered, never to whatever page framed Repère, and
// identifiers and codes only.
let hostOrigin = null;

export function setHost(origin) {
  hostOrigin = origin && window.parent !== window ? origin : null;
}

export function tellHost(type, detail) {
  if (hostOrigin) window.parent.postMessage({type, ...detail}, hostOrigin);
}
