import { defaultUnion, linkButton, mailDocument, signerLines, type UnionSigner } from './mail-layout.js';
import { escapeHtml, type OutgoingEmail } from './mailer.js';

/** The mail a new account receives: a one-time link to choose a password. */
export function setPasswordEmail(input: {
  to: string;
  name: string;
  link: string;
  language: 'vi' | 'en';
  validHours: number;
  union?: UnionSigner;
}): OutgoingEmail {
  const { name, link, validHours } = input;
  const t =
    input.language === 'en'
      ? {
          subject: 'Your Hữu Nghị Events account',
          greeting: `Dear ${name},`,
          body: 'An account has been created for you in Hữu Nghị Events, the event system of the Đắk Lắk Union of Friendship Organisations. Choose your password with this link:',
          validity: `The link works once and for ${validHours} hours.`,
          button: 'Choose a password',
          closing: 'Yours sincerely,',
        }
      : {
          subject: 'Tài khoản Hữu Nghị Events của bạn',
          greeting: `Kính gửi ${name},`,
          body: 'Tài khoản của bạn trên Hữu Nghị Events, hệ thống sự kiện của Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk, đã được tạo. Vui lòng đặt mật khẩu theo đường dẫn sau:',
          validity: `Đường dẫn chỉ dùng được một lần, trong ${validHours} giờ.`,
          button: 'Đặt mật khẩu',
          closing: 'Trân trọng.',
        };
  const signer = signerLines(input.language, input.union ?? defaultUnion);
  return {
    to: input.to,
    subject: t.subject,
    text: `${t.greeting}\n\n${t.body}\n${link}\n\n${t.validity}\n\n${t.closing}\n${signer.join('\n')}\n`,
    html: mailDocument({
      language: input.language,
      title: t.subject,
      bodyHtml:
        `<p>${escapeHtml(t.greeting)}</p><p>${escapeHtml(t.body)}</p><p>${linkButton(link, t.button)}</p><p>${escapeHtml(t.validity)}</p>` +
        `<p>${escapeHtml(t.closing)}<br>${signer.map(escapeHtml).join('<br>')}</p>`,
    }),
  };
}
