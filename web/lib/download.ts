/**
 * Downloads a file the API makes (CSV, XLSX) in the console's language, under the name the API
 * gives it (`khach-moi-dien-dan-thanh-nien-2027-01-15.xlsx`): a plain link would send the
 * browser's language and lose the console's. Answers an error message, or undefined when done.
 */
export async function downloadFile(href: string, language: string): Promise<string | undefined> {
  const response = await fetch(href, { headers: { 'Accept-Language': language }, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
    return problem?.message ?? `${response.status}`;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ?? href.split('/').pop()!.split('?')[0]!;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return undefined;
}
