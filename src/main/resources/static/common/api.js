// What the static pages share: the login is kept in the page's memory only and sent as HTTP Basic with every
// request. Requests go with credentials 'omit', so the browser neither adds credentials it remembers nor opens
// its own login dialog when a wrong password is answered with 401: the page shows the error instead.
'use strict';

/** The Authorization header of a user name and password, UTF-8 encoded as the server reads it. */
function basicAuthorization(user, password) {
  const utf8 = new TextEncoder().encode(user + ':' + password);
  return 'Basic ' + btoa(Array.from(utf8, (b) => String.fromCharCode(b)).join(''));
}

/**
 * GETs a path of the API with the login. Any answer but 2xx becomes an Error whose message the page shows:
 * a wrong login, a refusal (with the page's own words for it), or the server's message.
 */
async function apiGet(path, authorization, accept, forbidden) {
  const response = await fetch(path, {
    headers: {'Authorization': authorization, 'Accept': accept},
    credentials: 'omit'
  });
  if (response.status === 401) {
    throw new Error('用户名或密码错误，或账号因多次输错暂时锁定。');
  }
  if (response.status === 403 && forbidden) {
    throw new Error(forbidden);
  }
  if (!response.ok) {
    let message = '查询失败（' + response.status + '）';
    try {
      message += '：' + (await response.json()).message;
    } catch (e) {
      // no readable body
    }
    throw new Error(message);
  }
  return response;
}
