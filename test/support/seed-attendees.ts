/**
 * Seeds a running product through its HTTP API (as an organiser would, no shortcut to the
 * table): an event, its invitees, each one's acceptance recorded on their behalf. For the print
 * browser test and the print benchmark.
 */
export type Session = {
  cookie: string;
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Headers }>;
};

export async function signInApi(url: string, email: string, password: string): Promise<Session> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${email} failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const call: Session['call'] = async (method, path, body, headers = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a CSV): the text is the body.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return { cookie, call };
}

export async function createUser(admin: Session, user: { email: string; password: string; name: string; role: 'organiser' | 'staff' }) {
  const created = await admin.call('POST', '/api/users', user);
  if (created.status !== 201) throw new Error(`user not created: ${created.status} ${JSON.stringify(created.body)}`);
}

export type Invitee = { name: string; organisation?: string; position?: string; group?: string; phone?: string };

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** A published event whose invitees all accepted (recorded by the organiser, by phone). */
export async function seedConfirmedEvent(
  organiser: Session,
  event: { title: { vi: string; en?: string }; venue: string; startsAt: string; endsAt: string; type?: string },
  invitees: Invitee[],
  options: { concurrency?: number } = {},
): Promise<{ eventId: string; invitationIds: string[] }> {
  const created = await organiser.call('POST', '/api/events', { type: 'meeting', ...event });
  if (created.status !== 201) throw new Error(`event not created: ${created.status} ${JSON.stringify(created.body)}`);
  const eventId = created.body.event.eventId as string;
  // The import takes a list in batches, each invitee with an address of their own.
  for (let start = 0; start < invitees.length; start += 500) {
    const batch = invitees.slice(start, start + 500).map((invitee, i) => ({ ...invitee, email: `guest${start + i}@example.org` }));
    const imported = await organiser.call('POST', `/api/events/${eventId}/invitations`, { invitees: batch });
    if (imported.status !== 200 || imported.body.created !== batch.length) {
      throw new Error(`invitees not imported: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`);
    }
  }
  const published = await organiser.call('POST', `/api/events/${eventId}/publish`);
  if (published.status !== 200) throw new Error(`not published: ${published.status}`);

  const invitationIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await organiser.call('GET', `/api/events/${eventId}/invitations?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    invitationIds.push(...(page.body.items as { invitationId: string }[]).map((i) => i.invitationId));
    cursor = page.body.nextCursor;
  } while (cursor);

  await inParallel(invitationIds, options.concurrency ?? 4, async (invitationId) => {
    const answered = await organiser.call('POST', `/api/events/${eventId}/registrations/on-behalf/${invitationId}`, { action: 'accept', channel: 'phone' });
    if (answered.status !== 200) throw new Error(`not accepted: ${answered.status} ${JSON.stringify(answered.body)}`);
  });
  return { eventId, invitationIds };
}

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middles = ['Văn', 'Thị', 'Hữu', 'Thị Hồng', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quốc', 'Thị Ánh'];
const givens = ['An', 'Ánh', 'Bình', 'Chi', 'Cường', 'Dũng', 'Duyên', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Loan', 'Mai', 'Nam', 'Nga', 'Nhung', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Uyên', 'Vy', 'Yến'];
const organisations = ['Sở Ngoại vụ tỉnh Đắk Lắk', 'PACCOM', 'Trường Đại học Tây Nguyên', 'Hội hữu nghị Việt Nam – Campuchia', 'UBND huyện Buôn Đôn', 'Plan International'];
const positions = ['Chuyên viên', 'Phó Giám đốc', 'Chủ tịch', 'Cán bộ', 'Giảng viên'];

/** `count` plausible invitees of the union's lists: Kinh names, with Ê Đê and Khmer ones among them. */
export function manyInvitees(count: number): Invitee[] {
  const special = ['Nguyễn Thị Hồng Nhung', "H'Linh Niê", 'Y Blốc Êban', "H'Hen Niê", 'Thạch Thị Sa Rinh', 'Danh Sơn', 'Lâm Thị Sô Phi'];
  return Array.from({ length: count }, (_, i) => ({
    name: i < special.length ? special[i]! : `${families[i % families.length]} ${middles[(i >> 2) % middles.length]} ${givens[(i * 7) % givens.length]}`,
    organisation: organisations[i % organisations.length],
    position: positions[i % positions.length],
    group: i % 3 === 0 ? 'Đoàn Mondulkiri' : 'Khách mời',
    phone: `09${String(10000000 + i * 7919).slice(-8)}`,
  }));
}
