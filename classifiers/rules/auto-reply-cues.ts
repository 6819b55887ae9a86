/** Wording of automatic replies, in the languages our debtors and their mail servers use. */

/** Subject prefixes and phrases that mail clients and servers put on automatic replies. */
export const AUTO_REPLY_SUBJECT = new RegExp(
  [
    // en
    "automatic reply", "auto[- ]?reply", "auto[- ]?response", "auto[- ]?respons\\b", "autorespon", "^auto:\\s", "out of (?:the )?office", "\\booo\\b", "away from (?:the )?office",
    "away until", "on vacation", "vacation (?:reply|notice|message)", "on leave", "on holiday", "holiday notice", "absence notice",
    // fr
    "réponse automatique", "reponse automatique", "réponse auto", "absence du bureau", "absent(?:e)? du bureau", "message d['’]absence", "absence\\s*:", "^absent(?:e)?\\b", "en congés?\\b", "hors du bureau",
    // nl
    "automatisch antwoord", "automatisch bericht", "automatisch beantwoord", "afwezig", "afwezigheid", "niet aanwezig", "niet op kantoor", "met vakantie", "buiten kantoor",
    // de
    "automatische antwort", "abwesenheitsnotiz", "abwesenheitsnachricht", "abwesenheitsmeldung", "abwesend", "nicht im büro", "außer haus", "ausser haus", "im urlaub", "urlaubsbenachrichtigung", "automatische benachrichtigung",
    // it, es, pt, pl, nordic, cs, hu, tr, ru, ja, zh
    "risposta automatica", "fuori (?:ufficio|sede)", "respuesta automática", "respuesta automatica", "fuera de la oficina", "resposta automática", "resposta automatica", "ausência", "fora do escritório",
    "automatyczna odpowied", "nieobecno", "poza biurem", "autosvar", "automatiskt svar", "automatisk svar", "fraværende", "frånvar", "automaattinen vastaus", "automatická odpověď", "mimo kancelář",
    "automatikus válasz", "otomatik yanıt", "автоматический ответ", "автоответ", "自動応答", "自動返信", "自动回复",
  ].join("|"),
  "iu",
);

/** Ticket systems acknowledging receipt. */
export const TICKET_SUBJECT =
  /(?:\[?(?:ticket|case|request|incident|demande|dossier|anfrage|vorgang|melding|verzoek)\s*(?:#|n[°o]\.?|nr\.?|id)?\s*:?\s*[A-Z0-9-]{3,}\]?.*(?:received|created|opened|reçue?|ouvert|créé|ontvangen|aangemaakt|erhalten|eröffnet|erstellt)|(?:request|message|e-?mail|ticket) (?:has been )?received|we (?:have )?received your|accusé de réception|accuse de reception|ontvangstbevestiging|bevestiging van ontvangst|eingangsbestätigung|empfangsbestätigung|votre demande a (?:bien )?été (?:reçue|enregistrée)|uw (?:vraag|aanvraag|bericht|e-?mail|verzoek) is ontvangen|ihre (?:anfrage|nachricht) (?:ist eingegangen|wurde empfangen|ist bei uns eingegangen))/iu;

export type AutoReplyKind = "out_of_office" | "ticket" | "left_company" | "not_monitored" | "other";

/** Body cues per kind; matched on the sender's text. Order matters: the first kind that matches wins. */
export const KIND_CUES: Array<[AutoReplyKind, RegExp]> = [
  [
    "left_company",
    /(?:no longer (?:with|employed|working|at|part of)|(?:has|have) left (?:the company|[A-Z]\w+|our)|is not with .* any ?more|niet (?:meer )?(?:langer )?(?:werkzaam|in dienst)|uit dienst|heeft .* verlaten|n['’]est plus (?:en poste|dans|chez|au sein|employée?|joignable à cette adresse)|ne fait plus partie|a quitté|nicht mehr (?:im unternehmen|bei uns|für|tätig|beschäftigt)|(?:hat|haben) (?:das unternehmen|uns|unser unternehmen) verlassen|ist aus dem unternehmen ausgeschieden)/iu,
  ],
  [
    "out_of_office",
    /(?:out of (?:the )?office|(?:i am|i['’]m|i will be) (?:currently )?travell?ing|on a business trip|op (?:zaken)?reis|en déplacement|auf (?:geschäfts|dienst)?reise|dienstreise|i am (?:currently )?(?:away|out|on (?:annual |parental |maternity |sick )?leave|on (?:vacation|holiday))|i['’]m (?:currently )?(?:away|out|on (?:leave|vacation|holiday))|(?:i will|i['’]ll) be (?:back|out|away|returning)|returning (?:to the office )?on|limited access to (?:my )?e-?mail|away from (?:my desk|the office)|afwezig|met (?:vakantie|verlof)|niet (?:aanwezig|op kantoor|bereikbaar)|weer (?:aanwezig|op kantoor|bereikbaar|terug)|ben ik (?:weer|terug)|absente?\b|en congés?|de retour (?:le|à|au|dès|lundi|mardi|mercredi|jeudi|vendredi)|je serai (?:absente?|de retour)|hors du bureau|abwesend|nicht im büro|im urlaub|außer haus|ausser haus|wieder (?:erreichbar|im büro|da|zurück|für sie da)|bin ich (?:wieder|zurück))/iu,
  ],
  [
    "ticket",
    /(?:ticket(?:nummer| number| id| #|#)|case (?:number|#|id)|request (?:number|#|id)|reference number for your|numéro de (?:ticket|dossier|demande)|ticketnummer|vorgangsnummer|anfragenummer|we (?:have )?received your (?:e-?mail|message|request)|thank you for contacting|nous avons (?:bien )?reçu votre|votre demande (?:a été|est) (?:bien )?(?:reçue|enregistrée)|wij hebben uw .{0,30}ontvangen|we hebben je .{0,30}ontvangen|wir haben ihre .{0,30}erhalten|ihre (?:anfrage|nachricht) ist (?:bei uns )?eingegangen)/iu,
  ],
  [
    "not_monitored",
    /(?:(?:mailbox|inbox|e-?mail address|address) (?:is )?not (?:monitored|checked|read)|unattended mailbox|do not reply to this (?:e-?mail|message)|please do not reply|no-?reply|ne pas répondre|merci de ne pas répondre|n['’]est pas (?:consultée|surveillée|lue|relevée)|wordt niet (?:gelezen|gecontroleerd|beheerd|bewaakt)|niet (?:op )?(?:deze e-?mail )?(?:beantwoorden|reageren)|wird nicht (?:gelesen|überwacht|bearbeitet|abgerufen)|bitte (?:antworten sie )?nicht (?:auf diese|antworten))/iu,
  ],
];

/** Body phrases that are only written by auto-responders (used to break ties, never alone). */
export const AUTO_BODY = /(?:this is an automa(?:tic|ted) (?:reply|response|message)|automatically generated|ceci est une réponse automatique|message automatique|dit is een automatisch(?:e)? (?:antwoord|bericht|reactie)|automatisch gegenereerd|dies ist eine automatische (?:antwort|nachricht)|automatisch generiert)/iu;
