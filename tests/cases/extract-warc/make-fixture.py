# Writes tests/cases/extract-warc/crawl.warc.gz: a small crawl of invented
# news pages, gzipped a member per record, with one damaged member.
import gzip
def z(b): return gzip.compress(b, mtime=0)
def http(status, headers, body):
    return f'HTTP/1.1 {status}\r\n{headers}\r\n'.encode() + body
def rec(typ, uri, block, ctype='application/http; msgtype=response', ver='1.0', n=[0]):
    n[0] += 1
    return (f'WARC/{ver}\r\nWARC-Type: {typ}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-02T08:00:00Z\r\n'
            f'WARC-Record-ID: <urn:uuid:6d1f0c2e-1111-4222-8333-{n[0]:012d}>\r\nContent-Type: {ctype}\r\n'
            f'Content-Length: {len(block)}\r\n\r\n').encode() + block + b'\r\n\r\n'
ferry = ('<!DOCTYPE html><html><head><title>Ferry back in service</title>'
 '<meta property="og:site_name" content="Eastharbour Gazette"></head><body>'
 '<nav><a href="/">Home</a> <a href="/local">Local</a></nav><article><h1>Ferry back in service</h1>'
 '<p class="byline">By Mara Olsen</p>'
 '<p>The river ferry between Northbank and Eastharbour resumed service on Monday after a two-week repair of its main engine, the operator said.</p>'
 '<p>About 1,200 commuters use the crossing every weekday. During the repair they took a bus detour of forty minutes.</p>'
 '<p>A second vessel will join the route in the spring, the operator said.</p></article>'
 '<aside class="newsletter">Sign up for our newsletter</aside><footer>Contact the newsroom</footer></body></html>').encode()
most = ('<html><head><title>Новый мост открыт</title></head><body><div class="article-text">'
 '<p>Вчера в городе открылся новый мост через реку. Движение по нему начнётся в понедельник, сообщили в мэрии.</p>'
 '<p>Строительство моста длилось три года, сказал глава управления дорог.</p></div>'
 '<div class="comments">Комментарии</div></body></html>').encode('cp1251')
library = ('<html><head><title>Harbour library reopens</title>'
 '<meta property="article:published_time" content="2026-03-01T09:30:00Z"></head><body><main>'
 '<p>The library in the old harbour district reopened on Saturday after a spring flood damaged most of its ground floor.</p>'
 '<p>Volunteers dried and catalogued more than four thousand books during the summer, the head librarian said.</p></main></body></html>').encode()
chunks = b''.join(b'%x\r\n' % len(library[i:i+80]) + library[i:i+80] + b'\r\n' for i in range(0, len(library), 80)) + b'0\r\n\r\n'
out = b''
out += z(rec('warcinfo', '', b'software: wiretrace test fixture\r\nformat: WARC File Format 1.0\r\n', 'application/warc-fields'))
out += z(rec('request', 'https://gazette.example/local/ferry', b'GET /local/ferry HTTP/1.1\r\nHost: gazette.example\r\n\r\n', 'application/http; msgtype=request'))
out += z(rec('response', 'https://gazette.example/local/ferry', http('200 OK', 'Content-Type: text/html; charset=utf-8\r\n', ferry)))
out += z(rec('response', '<https://vesti.example/most>', http('200 OK', 'Content-Type: text/html; charset=windows-1251\r\n', most)))
bad = bytearray(z(rec('response', 'https://gazette.example/local/lost', http('200 OK', 'Content-Type: text/html\r\n', ferry.replace(b'Ferry', b'Boat')))))
bad[60:90] = b'\x00' * 30
out += bytes(bad)
out += z(rec('response', 'https://gazette.example/logo.png', http('200 OK', 'Content-Type: image/png\r\n', b'\x89PNG\r\n\x1a\n')))
out += z(rec('response', 'https://gazette.example/old', http('301 Moved Permanently', 'Location: /new\r\nContent-Type: text/html\r\n', b'<html>moved</html>')))
out += z(rec('response', 'https://library.example/reopens', http('200 OK', 'Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n', chunks), ver='1.1'))
open('tests/cases/extract-warc/crawl.warc.gz', 'wb').write(out)
