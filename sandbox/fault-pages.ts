/*
 * What the infrastructure in front of a PHP backend really sends when things go wrong: nginx pages,
 * a framework error page, a framework JSON error, PHP output in front of the JSON. The cashier must
 * turn each of them into a clear error.
 */

const nginxPage = (status: string) =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n` +
  `<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n`

export const NOT_FOUND_HTML = nginxPage('404 Not Found')

export const BAD_GATEWAY_HTML = nginxPage('502 Bad Gateway')

export const SERVER_ERROR_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8"/>
    <title>Internal Server Error</title>
</head>
<body>
    <h1>Internal Server Error</h1>
    <div class="alert alert-danger">An internal server error occurred.</div>
    <p>The above error occurred while the Web server was processing your request.</p>
    <p>Please contact us if you think this is a server error. Thank you.</p>
</body>
</html>
`

/** The framework's JSON error shape `{name, message, code, status}` (not the DMS envelope). */
export const UNAVAILABLE_JSON = {
  name: 'Service Unavailable',
  message: '系统维护中，请稍后再试',
  code: 0,
  status: 503,
}

export const METHOD_NOT_ALLOWED_JSON = {
  name: 'Method Not Allowed',
  message: 'Method Not Allowed. This URL can only handle the following request methods: POST.',
  code: 0,
  status: 405,
}

/** A PHP fatal error printed under a JSON content type: not JSON at all. */
export const GARBAGE_BODY =
  '<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted (tried to ' +
  'allocate 20480 bytes) in <b>/var/www/dms/vendor/guzzlehttp/psr7/src/Stream.php</b> on line ' +
  '<b>231</b><br />\n'
