"""Fill the help page's questions and answers (seeded by 0002 in English and Spanish) in
the other ten shipped languages.

Translated by hand from the English and Spanish texts of 0002, in short, plain words.
Buttons and titles of the site are written exactly as the .po catalogues show them in each
language (for example "Confirm", "End Session", "Changing your address"); "Subject ID"
stays as printed on the papers, as the catalogues do. Form numbers, the phone number and
agency abbreviations (ICE, USCIS, EOIR, OPLA) are unchanged. The answer format is the same
as in 0002: lines starting with "- " become list items, a blank line starts a paragraph.

Entries are matched by slug, and a field is filled only while it is empty, so staff edits
are never overwritten. The reverse clears only the fields that still hold exactly the text
written here.
"""

from django.db import migrations

# One dict per language (the model field suffix): slug -> (question, answer).

PT_BR = {
    "do-i-need-to-book": (
        "Preciso marcar um agendamento de comparecimento?",
        "Marque um se:\n"
        "- seus papéis de soltura não trazem uma data, uma hora e um escritório para o seu comparecimento, ou\n"
        "- seus papéis trazem uma data, mas você não pode ir nesse dia.\n\n"
        "Você não precisa marcar se:\n"
        "- seus papéis já trazem uma data, uma hora e um escritório, e você pode ir. "
        "Se agora você mora em outra cidade, vá a um escritório perto de você nesse mesmo dia.\n"
        "- você já compareceu antes. Faça o que o agente disse a você nessa visita.\n"
        "- você só precisa mudar seu endereço. Veja “Mudar seu endereço” mais abaixo.",
    ),
    "how-to-book": (
        "Como eu marco pela internet?",
        "Tenha seus papéis de soltura com você. Depois:\n"
        "- escolha seu idioma;\n"
        "- digite o Subject ID, escolha o país de nascimento que está nos seus papéis "
        "e mostre que você não é um robô;\n"
        "- digite seu endereço, cidade, estado ou CEP e escolha um dos três escritórios mais próximos;\n"
        "- escolha um horário (o mais cedo é o melhor), confira os dados e aperte Confirmar;\n"
        "- guarde o número de confirmação: imprima, envie para você mesmo ou anote;\n"
        "- aperte Encerrar sessão quando terminar.",
    ),
    "later-than-my-papers": (
        "O primeiro horário livre é depois da data dos meus papéis. Isso é um problema?",
        "Não. Marque o horário mais cedo que você conseguir. Marcar já cumpre as condições da "
        "sua soltura, mesmo que seja semanas ou meses depois da data dos seus papéis. Em alguns "
        "lugares, o primeiro horário livre pode ser daqui a um ano.",
    ),
    "after-parole-ends": (
        "O primeiro horário livre é depois do fim do meu parole. O que devo fazer?",
        "Marque o horário mais cedo mesmo assim. Isso cumpre as condições da sua soltura. "
        "No agendamento, você pode pedir mais tempo de parole.\n\n"
        "Para outras perguntas sobre seu parole, um advogado pode ajudar você. O sistema de "
        "tribunais de imigração (EOIR) tem uma lista de serviços jurídicos gratuitos ou de baixo custo.",
    ),
    "see-move-cancel": (
        "Como vejo, mudo ou cancelo meu agendamento?",
        "Entre de novo com o Subject ID e o país de nascimento. Sua página de comparecimento "
        "mostra seu agendamento, com botões para passá-lo para outro dia ou cancelá-lo. "
        "Toda mudança pede que você confirme antes de ser salva.",
    ),
    "other-time-same-day": (
        "Não consigo estar lá no horário do meu agendamento. Posso ir em outro horário?",
        "Sim, no mesmo dia. Se você for ao mesmo escritório na mesma data, em outro horário em "
        "que ele esteja aberto, ainda cumpre as condições da sua soltura. Para mudar a data, "
        "mude seu agendamento pela internet.",
    ),
    "no-call-needed": (
        "Preciso ligar ou ir a um escritório para marcar?",
        "Não. Você pode marcar pelo celular, por um tablet ou por um computador. Por favor, "
        "não vá a um escritório sem agendamento.",
    ),
    "where-are-my-details": (
        "Onde encontro a data e o escritório do meu comparecimento?",
        "Se um comparecimento foi marcado quando você foi solto, ele está impresso nos seus "
        "papéis: na Ordem de Soltura sob Palavra (Formulário I-220A), se você recebeu uma "
        "Notificação de Comparecimento, ou na Carta de Convocação (Formulário G-56) nos outros "
        "casos. Alguns papéis não têm data. Se os seus não têm, marque pela internet.",
    ),
    "walk-in": (
        "Posso ir a um escritório sem agendamento?",
        "Por favor, marque antes. Marcar pela internet cumpre as condições da sua soltura, "
        "mesmo quando o primeiro horário livre é depois do horário que está nos seus papéis.",
    ),
    "proof-of-booking": (
        "Posso mostrar que tentei cumprir as condições da minha soltura?",
        "Sim. Depois de marcar, imprima os dados do agendamento, envie para seu e-mail ou "
        "celular, ou adicione à sua agenda. Guarde-os onde você possa encontrá-los com facilidade.",
    ),
    "what-to-bring": (
        "O que devo levar ao meu comparecimento?",
        "Leve seus papéis de soltura e seu número de confirmação. Se você tem passaporte ou "
        "outro documento de identidade, leve também.",
    ),
    "papers-kept": (
        "Um escritório ficou com meu passaporte ou outros papéis. Posso pegá-los de volta?",
        "Pergunte no seu agendamento de comparecimento. O agente vai olhar seu pedido e decidir "
        "se eles podem ser devolvidos agora ou se precisam ficar guardados por mais tempo.",
    ),
    "i-moved": (
        "Eu me mudei. Como aviso o ICE?",
        "Avise o ICE em até 5 dias depois da mudança. Depois de entrar, você pode enviar seu "
        "novo endereço neste site. Você também pode ligar para a linha de ajuda do ICE no "
        "1-833-383-1465, de segunda a sexta, das 8h às 20h, horário do Leste (Eastern Time).",
    ),
    "other-agencies": (
        "Que outros órgãos precisam do meu novo endereço?",
        "Depende de como você foi solto:\n"
        "- Notificação de Comparecimento (Formulário I-862): o ICE e o tribunal de imigração (EOIR).\n"
        "- Remoção Sumária (Formulário I-860): o ICE e o USCIS.\n"
        "- Parole com Alternativas à Detenção: o ICE, e também o USCIS se você pediu uma "
        "autorização de trabalho.\n"
        "- Notificação para se Apresentar (Formulário I-385): o ICE.\n\n"
        "Se você pediu ao USCIS uma entrevista de medo crível, avise o USCIS também. "
        "Tente terminar tudo em até 5 dias úteis depois da mudança.",
    ),
    "post-office": (
        "Devo avisar os Correios?",
        "Sim. Faça um pedido de mudança de endereço no Serviço Postal dos EUA (USPS), para que "
        "as cartas enviadas para seu endereço antigo cheguem até você.",
    ),
    "move-often": (
        "Eu me mudo muito. Tenho que atualizar meu endereço toda vez?",
        "Sim, toda vez. Se existe um lugar onde sua correspondência sempre chega, como o "
        "escritório do seu advogado, você pode dar esse endereço, mesmo que não more lá.",
    ),
    "address-used-without-permission": (
        "Sou advogado ou faço parte de um grupo de ajuda, e meu endereço foi colocado na "
        "Notificação de Comparecimento de outra pessoa sem minha permissão. O que posso fazer?",
        "Entre em contato com o escritório local mais próximo do Escritório do Consultor "
        "Jurídico Principal do ICE (OPLA) e conte o que você sabe.",
    ),
}

FR = {
    "do-i-need-to-book": (
        "Dois-je prendre un rendez-vous de présentation ?",
        "Prenez rendez-vous si :\n"
        "- vos papiers de libération ne donnent pas de date, d'heure et de bureau pour votre présentation, ou\n"
        "- vos papiers donnent une date, mais vous ne pouvez pas y aller ce jour-là.\n\n"
        "Vous n'avez pas besoin de prendre rendez-vous si :\n"
        "- vos papiers donnent déjà une date, une heure et un bureau, et vous pouvez y aller. "
        "Si vous habitez maintenant dans une autre ville, allez dans un bureau près de chez "
        "vous ce même jour.\n"
        "- vous vous êtes déjà présenté une fois. Faites ce que l'agent vous a dit lors de cette visite.\n"
        "- vous devez seulement changer votre adresse. Regardez la partie « Changer votre adresse » plus bas.",
    ),
    "how-to-book": (
        "Comment prendre rendez-vous en ligne ?",
        "Ayez vos papiers de libération avec vous. Ensuite :\n"
        "- choisissez votre langue ;\n"
        "- tapez le Subject ID, choisissez le pays de naissance écrit sur vos papiers "
        "et montrez que vous n'êtes pas un robot ;\n"
        "- tapez votre adresse, votre ville, votre État ou votre code postal (ZIP) et "
        "choisissez un des trois bureaux les plus proches ;\n"
        "- choisissez une heure (la plus proche est la meilleure), vérifiez les informations "
        "et appuyez sur Confirmer ;\n"
        "- gardez le numéro de confirmation : imprimez-le, envoyez-le-vous ou notez-le ;\n"
        "- appuyez sur Terminer la session quand vous avez fini.",
    ),
    "later-than-my-papers": (
        "La première heure libre est après la date sur mes papiers. Est-ce un problème ?",
        "Non. Prenez la première heure que vous pouvez avoir. Prendre ce rendez-vous respecte "
        "les conditions de votre libération, même s'il est des semaines ou des mois après la "
        "date sur vos papiers. À certains endroits, la première heure libre peut être dans un an.",
    ),
    "after-parole-ends": (
        "La première heure libre est après la fin de ma parole. Que dois-je faire ?",
        "Prenez quand même la première heure. Cela respecte les conditions de votre libération. "
        "Au rendez-vous, vous pouvez demander plus de temps de parole.\n\n"
        "Pour d'autres questions sur votre parole, un avocat peut vous aider. Le système des "
        "tribunaux de l'immigration (EOIR) a une liste de services juridiques gratuits ou à bas prix.",
    ),
    "see-move-cancel": (
        "Comment voir, déplacer ou annuler mon rendez-vous ?",
        "Reconnectez-vous avec le Subject ID et le pays de naissance. Votre page de présentation "
        "montre votre rendez-vous, avec des boutons pour le déplacer à un autre jour ou pour "
        "l'annuler. Chaque changement vous demande de confirmer avant d'être enregistré.",
    ),
    "other-time-same-day": (
        "Je ne peux pas venir à l'heure de mon rendez-vous. Puis-je venir à une autre heure ?",
        "Oui, le même jour. Si vous allez au même bureau à la même date, à une autre heure "
        "pendant qu'il est ouvert, vous respectez quand même les conditions de votre libération. "
        "Pour changer la date, déplacez votre rendez-vous en ligne.",
    ),
    "no-call-needed": (
        "Dois-je appeler ou aller dans un bureau pour prendre rendez-vous ?",
        "Non. Vous pouvez prendre rendez-vous avec un téléphone, une tablette ou un ordinateur. "
        "S'il vous plaît, n'allez pas dans un bureau sans rendez-vous.",
    ),
    "where-are-my-details": (
        "Où trouver la date et le bureau de ma présentation ?",
        "Si une présentation a été fixée à votre libération, elle est écrite sur vos papiers : "
        "sur l'Ordre de libération sur engagement personnel (formulaire I-220A) si vous avez "
        "reçu un Avis de comparution (Notice to Appear), ou sur la Lettre de convocation "
        "(formulaire G-56) dans les autres cas. Certains papiers n'ont pas de date. Si les "
        "vôtres n'en ont pas, prenez rendez-vous en ligne.",
    ),
    "walk-in": (
        "Puis-je aller dans un bureau sans rendez-vous ?",
        "S'il vous plaît, prenez d'abord rendez-vous. Prendre rendez-vous en ligne respecte les "
        "conditions de votre libération, même quand la première heure libre est plus tard que "
        "l'heure écrite sur vos papiers.",
    ),
    "proof-of-booking": (
        "Puis-je montrer que j'ai essayé de respecter les conditions de ma libération ?",
        "Oui. Après avoir pris rendez-vous, imprimez les informations du rendez-vous, envoyez-les "
        "sur votre e-mail ou votre téléphone, ou ajoutez-les à votre agenda. Gardez-les là où "
        "vous pouvez les retrouver facilement.",
    ),
    "what-to-bring": (
        "Que dois-je apporter à ma présentation ?",
        "Apportez vos papiers de libération et votre numéro de confirmation. Si vous avez un "
        "passeport ou une autre pièce d'identité, apportez-le aussi.",
    ),
    "papers-kept": (
        "Un bureau a gardé mon passeport ou d'autres papiers. Puis-je les récupérer ?",
        "Demandez-le à votre rendez-vous de présentation. L'agent va regarder votre demande et "
        "décider s'ils peuvent vous être rendus maintenant ou s'ils doivent être gardés plus longtemps.",
    ),
    "i-moved": (
        "J'ai déménagé. Comment le dire à ICE ?",
        "Prévenez ICE dans les 5 jours après votre déménagement. Après vous être connecté, vous "
        "pouvez envoyer votre nouvelle adresse sur ce site. Vous pouvez aussi appeler la ligne "
        "d'aide d'ICE au 1-833-383-1465, du lundi au vendredi, de 8 h à 20 h, heure de l'Est "
        "(Eastern Time).",
    ),
    "other-agencies": (
        "Quels autres services ont besoin de ma nouvelle adresse ?",
        "Cela dépend de la façon dont vous avez été libéré :\n"
        "- Avis de comparution (Notice to Appear, formulaire I-862) : ICE et le tribunal de "
        "l'immigration (EOIR).\n"
        "- Expulsion accélérée (formulaire I-860) : ICE et USCIS.\n"
        "- Parole avec Alternatives à la détention : ICE, et aussi USCIS si vous avez demandé "
        "un permis de travail.\n"
        "- Avis de présentation (Notice to Report, formulaire I-385) : ICE.\n\n"
        "Si vous avez demandé à USCIS un entretien de peur crédible, prévenez aussi USCIS. "
        "Essayez de tout finir dans les 5 jours ouvrables après votre déménagement.",
    ),
    "post-office": (
        "Dois-je prévenir la Poste ?",
        "Oui. Remplissez une demande de changement d'adresse auprès du Service postal des "
        "États-Unis (USPS), pour que les lettres envoyées à votre ancienne adresse vous arrivent.",
    ),
    "move-often": (
        "Je déménage souvent. Dois-je changer mon adresse à chaque fois ?",
        "Oui, à chaque fois. S'il existe un endroit où votre courrier arrive toujours, comme le "
        "cabinet de votre avocat, vous pouvez donner cette adresse à la place, même si vous n'y "
        "habitez pas.",
    ),
    "address-used-without-permission": (
        "Je suis avocat ou membre d'une association d'aide, et mon adresse a été mise sans mon "
        "accord sur l'Avis de comparution d'une autre personne. Que puis-je faire ?",
        "Contactez le bureau local le plus proche du Bureau du conseiller juridique principal "
        "d'ICE (OPLA) et dites-lui ce que vous savez.",
    ),
}

HT = {
    "do-i-need-to-book": (
        "Èske m bezwen pran yon randevou check-in?",
        "Pran youn si:\n"
        "- papye lage ou yo pa bay yon dat, yon lè ak yon biwo pou check-in ou, oswa\n"
        "- papye ou yo bay yon dat, men ou pa ka ale jou sa a.\n\n"
        "Ou pa bezwen pran randevou si:\n"
        "- papye ou yo deja bay yon dat, yon lè ak yon biwo, epi ou ka ale. "
        "Si kounye a ou rete nan yon lòt vil, ale nan yon biwo toupre ou menm jou sa a.\n"
        "- ou te deja fè yon check-in. Fè sa ofisye a te di ou nan vizit sa a.\n"
        "- ou sèlman bezwen chanje adrès ou. Gade “Chanje adrès ou” pi ba a.",
    ),
    "how-to-book": (
        "Kijan pou m pran randevou sou entènèt?",
        "Kenbe papye lage ou yo avè ou. Apre sa:\n"
        "- chwazi lang ou;\n"
        "- tape Subject ID a, chwazi peyi kote ou fèt ki ekri sou papye ou yo, "
        "epi montre ou pa yon robo;\n"
        "- tape adrès ou, vil, eta oswa kòd postal (ZIP) ou epi chwazi youn nan twa biwo ki pi pre yo;\n"
        "- chwazi yon lè (pi bonè a pi bon), verifye enfòmasyon yo epi peze Konfime;\n"
        "- kenbe nimewo konfimasyon an: enprime l, voye l ba tèt ou oswa ekri l;\n"
        "- peze Fèmen sesyon an lè ou fini.",
    ),
    "later-than-my-papers": (
        "Premye lè ki lib la apre dat ki sou papye m yo. Èske se yon pwoblèm?",
        "Non. Pran lè ki pi bonè ou ka jwenn. Lè ou pran randevou a, ou respekte kondisyon lage "
        "ou yo, menm si li plizyè semèn oswa plizyè mwa apre dat ki sou papye ou yo. Nan kèk "
        "kote, premye lè ki lib la ka nan yon lane.",
    ),
    "after-parole-ends": (
        "Premye lè ki lib la apre parole mwen fini. Kisa pou m fè?",
        "Pran lè ki pi bonè a kanmenm. Sa respekte kondisyon lage ou yo. Nan randevou a, ou ka "
        "mande plis tan sou parole ou.\n\n"
        "Pou lòt kesyon sou parole ou, yon avoka ka ede ou. Sistèm tribinal imigrasyon an (EOIR) "
        "gen yon lis sèvis legal ki gratis oswa ki pa koute chè.",
    ),
    "see-move-cancel": (
        "Kijan pou m wè, chanje oswa anile randevou mwen?",
        "Konekte ankò ak Subject ID a ak peyi kote ou fèt la. Paj check-in ou montre randevou ou, "
        "ak bouton pou chanje l pou yon lòt jou oswa pou anile l. Chak chanjman mande ou konfime "
        "anvan yo anrejistre l.",
    ),
    "other-time-same-day": (
        "Mwen pa ka la a lè randevou mwen an. Èske m ka vini a yon lòt lè?",
        "Wi, menm jou a. Si ou ale nan menm biwo a nan menm dat la, a yon lòt lè pandan li ouvè, "
        "ou toujou respekte kondisyon lage ou yo. Pou chanje dat la, chanje randevou ou sou entènèt.",
    ),
    "no-call-needed": (
        "Èske m bezwen rele oswa ale nan yon biwo pou pran randevou?",
        "Non. Ou ka pran randevou ak yon telefòn, yon tablèt oswa yon òdinatè. Tanpri, pa ale "
        "nan yon biwo san randevou.",
    ),
    "where-are-my-details": (
        "Ki kote pou m jwenn dat ak biwo check-in mwen an?",
        "Si yo te fikse yon check-in lè yo te lage ou, li enprime sou papye ou yo: sou Lòd Libète "
        "sou Pawòl (Fòm I-220A) si ou te resevwa yon Avi pou Prezante, oswa sou Lèt Konvokasyon "
        "(Fòm G-56) nan lòt ka yo. Gen papye ki pa gen dat. Si pa ou yo pa genyen, pran randevou "
        "sou entènèt.",
    ),
    "walk-in": (
        "Èske m ka ale nan yon biwo san randevou?",
        "Tanpri, pran randevou anvan. Pran randevou sou entènèt respekte kondisyon lage ou yo, "
        "menm lè premye lè ki lib la pita pase lè ki sou papye ou yo.",
    ),
    "proof-of-booking": (
        "Èske m ka montre mwen te eseye respekte kondisyon lage m yo?",
        "Wi. Apre ou pran randevou, enprime enfòmasyon randevou a, voye yo nan imèl ou oswa sou "
        "telefòn ou, oswa mete yo nan kalandriye ou. Kenbe yo yon kote ou ka jwenn yo fasil.",
    ),
    "what-to-bring": (
        "Kisa pou m pote nan check-in mwen an?",
        "Pote papye lage ou yo ak nimewo konfimasyon ou. Si ou gen yon paspò oswa yon lòt pyès "
        "idantite, pote l tou.",
    ),
    "papers-kept": (
        "Yon biwo kenbe paspò mwen oswa lòt papye m. Èske m ka jwenn yo tounen?",
        "Mande sa nan randevou check-in ou. Ofisye a ap gade demann ou an epi l ap deside si yo "
        "ka remèt ou yo kounye a oswa si yo dwe kenbe yo pi lontan.",
    ),
    "i-moved": (
        "Mwen demenaje. Kijan pou m di ICE sa?",
        "Di ICE sa nan 5 jou apre ou demenaje. Apre ou konekte, ou ka voye nouvo adrès ou sou sit "
        "entènèt sa a. Ou ka rele liy èd ICE a tou nan 1-833-383-1465, lendi rive vandredi, "
        "8 a.m. rive 8 p.m., lè Lès (Eastern Time).",
    ),
    "other-agencies": (
        "Ki lòt biwo ki bezwen nouvo adrès mwen?",
        "Sa depann de kijan yo te lage ou:\n"
        "- Avi pou Prezante (Fòm I-862): ICE ak tribinal imigrasyon an (EOIR).\n"
        "- Depòtasyon Rapid (Fòm I-860): ICE ak USCIS.\n"
        "- Parole ak Altènativ a Detansyon: ICE, epi USCIS tou si ou te mande yon pèmi travay.\n"
        "- Avi pou Prezante ou (Fòm I-385): ICE.\n\n"
        "Si ou te mande USCIS yon entèvyou krent ki jistifye (credible fear), di USCIS sa tou. "
        "Eseye fini ak yo tout nan 5 jou travay apre ou demenaje.",
    ),
    "post-office": (
        "Èske m dwe di Lapòs sa?",
        "Wi. Ranpli yon demann chanjman adrès ak Sèvis Lapòs Etazini (USPS), pou lèt yo voye nan "
        "ansyen adrès ou rive jwenn ou.",
    ),
    "move-often": (
        "Mwen demenaje souvan. Èske m oblije chanje adrès mwen chak fwa?",
        "Wi, chak fwa. Si gen yon kote lèt ou toujou rive jwenn ou, tankou biwo avoka ou, ou ka "
        "bay adrès sa a pito, menm si ou pa rete la.",
    ),
    "address-used-without-permission": (
        "Mwen se yon avoka oswa yon gwoup èd, epi yo mete adrès mwen sou Avi pou Prezante yon "
        "lòt moun san pèmisyon m. Kisa m ka fè?",
        "Kontakte biwo lokal ki pi pre a nan Biwo Konseye Legal Prensipal ICE a (OPLA) epi di yo "
        "sa ou konnen.",
    ),
}

ZH_HANS = {
    "do-i-need-to-book": (
        "我需要预约报到吗？",
        "以下情况需要预约：\n"
        "- 您的释放文件上没有写报到的日期、时间和办公室，或者\n"
        "- 您的文件上写了日期，但那天您去不了。\n\n"
        "以下情况不需要预约：\n"
        "- 您的文件上已经写了日期、时间和办公室，而且您能去。"
        "如果您现在住在另一个城市，就在同一天去您附近的办公室。\n"
        "- 您已经去报到过了。请按那次官员告诉您的去做。\n"
        "- 您只需要更改地址。请看下面的“更改您的地址”。",
    ),
    "how-to-book": (
        "怎样在网上预约？",
        "请准备好您的释放文件。然后：\n"
        "- 选择您的语言；\n"
        "- 输入 Subject ID，选择您文件上印的出生国家，并证明您不是机器人；\n"
        "- 输入您的地址、城市、州或邮政编码（ZIP code），然后从最近的三个办公室中选一个；\n"
        "- 选择一个时间（越早越好），核对信息，然后按“确认”；\n"
        "- 保存好确认号码：打印出来、发给自己，或者写下来；\n"
        "- 完成后按“结束会话”。",
    ),
    "later-than-my-papers": (
        "最早的空闲时间在我文件上的日期之后。这有问题吗？",
        "没有问题。请预约您能约到的最早时间。预约了就符合您的释放条件，即使它比您文件上的日期"
        "晚几个星期或几个月。在有些地方，最早的空闲时间可能要等一年。",
    ),
    "after-parole-ends": (
        "最早的空闲时间在我的假释结束之后。我该怎么办？",
        "照样预约最早的时间。这样就符合您的释放条件。报到时，您可以申请延长假释期。\n\n"
        "关于假释的其他问题，律师可以帮助您。移民法庭系统（EOIR）有一份免费和低收费法律服务的名单。",
    ),
    "see-move-cancel": (
        "怎样查看、更改或取消我的预约？",
        "用 Subject ID 和出生国家重新登录。您的报到页面会显示您的预约，并有按钮可以把预约改到"
        "另一天或取消。每次更改在保存之前都会请您确认。",
    ),
    "other-time-same-day": (
        "我无法在预约时间到达。可以换个时间去吗？",
        "可以，但要在同一天。如果您在同一日期去同一个办公室，在办公室开放期间的其他时间去，"
        "仍然符合您的释放条件。如果要改日期，请在网上更改您的预约。",
    ),
    "no-call-needed": (
        "预约需要打电话或去办公室吗？",
        "不需要。您可以用手机、平板电脑或电脑预约。请不要在没有预约的情况下去办公室。",
    ),
    "where-are-my-details": (
        "我在哪里可以找到报到的日期和办公室？",
        "如果您获释时已经安排了报到，它会印在您的文件上：如果您收到了出庭通知（Notice to Appear），"
        "就在具结释放令（表格 I-220A）上；其他情况下在传唤信（表格 G-56）上。有些文件上没有日期。"
        "如果您的文件上没有，请在网上预约。",
    ),
    "walk-in": (
        "我可以不预约直接去办公室吗？",
        "请先预约。在网上预约就符合您的释放条件，即使最早的空闲时间比您文件上写的时间晚。",
    ),
    "proof-of-booking": (
        "我能证明自己努力遵守了释放条件吗？",
        "可以。预约后，把预约信息打印出来、发送到您的电子邮箱或手机，或者添加到您的日历。"
        "请把它们放在容易找到的地方。",
    ),
    "what-to-bring": (
        "报到时我应该带什么？",
        "请带上您的释放文件和确认号码。如果您有护照或其他身份证件，也请带上。",
    ),
    "papers-kept": (
        "办公室扣留了我的护照或其他文件。我能拿回来吗？",
        "请在报到预约时询问。官员会查看您的请求，决定现在就可以还给您，还是必须继续保留。",
    ),
    "i-moved": (
        "我搬家了。怎样通知 ICE？",
        "请在搬家后 5 天内通知 ICE。登录后，您可以在本网站提交您的新地址。您也可以拨打 ICE "
        "帮助热线 1-833-383-1465，周一至周五，美国东部时间（Eastern Time）上午 8 点至晚上 8 点。",
    ),
    "other-agencies": (
        "还有哪些部门需要我的新地址？",
        "这取决于您是怎样获释的：\n"
        "- 出庭通知（Notice to Appear，表格 I-862）：ICE 和移民法庭（EOIR）。\n"
        "- 加速遣返（表格 I-860）：ICE 和 USCIS。\n"
        "- 附带拘留替代措施的假释（Parole）：ICE；如果您申请了工作许可，还有 USCIS。\n"
        "- 报到通知（Notice to Report，表格 I-385）：ICE。\n\n"
        "如果您向 USCIS 申请过可信恐惧面谈，也要通知 USCIS。请尽量在搬家后 5 个工作日内全部办完。",
    ),
    "post-office": (
        "我应该通知邮局吗？",
        "应该。请向美国邮政局（USPS）填写地址变更申请，这样寄到您旧地址的信件也能送到您手里。",
    ),
    "move-often": (
        "我经常搬家。每次都要更新地址吗？",
        "是的，每次都要。如果有一个地方总能收到您的邮件，比如您的律师事务所，您也可以改填那个"
        "地址，即使您不住在那里。",
    ),
    "address-used-without-permission": (
        "我是律师或援助团体的成员，我的地址在未经我同意的情况下被写在了别人的出庭通知上。我该怎么办？",
        "请联系离您最近的 ICE 首席法律顾问办公室（OPLA）当地办事处，告诉他们您知道的情况。",
    ),
}

RU = {
    "do-i-need-to-book": (
        "Нужно ли мне записываться на явку?",
        "Запишитесь, если:\n"
        "- в ваших документах об освобождении нет даты, времени и офиса для явки, или\n"
        "- в документах есть дата, но вы не можете прийти в этот день.\n\n"
        "Записываться не нужно, если:\n"
        "- в документах уже есть дата, время и офис, и вы можете прийти. "
        "Если вы теперь живёте в другом городе, придите в этот же день в офис рядом с вами.\n"
        "- вы уже были на явке. Делайте то, что вам сказал сотрудник на той встрече.\n"
        "- вам нужно только сменить адрес. Смотрите «Смена адреса» ниже.",
    ),
    "how-to-book": (
        "Как записаться онлайн?",
        "Держите при себе документы об освобождении. Затем:\n"
        "- выберите язык;\n"
        "- введите Subject ID, выберите страну рождения, указанную в ваших документах, "
        "и подтвердите, что вы не робот;\n"
        "- введите адрес, город, штат или почтовый индекс (ZIP) и выберите один из трёх ближайших офисов;\n"
        "- выберите время (лучше самое раннее), проверьте данные и нажмите «Подтвердить»;\n"
        "- сохраните номер подтверждения: распечатайте его, отправьте себе или запишите;\n"
        "- когда закончите, нажмите «Завершить сеанс».",
    ),
    "later-than-my-papers": (
        "Первое свободное время — позже даты в моих документах. Это проблема?",
        "Нет. Запишитесь на самое раннее время, какое сможете найти. Запись уже выполняет условия "
        "освобождения, даже если она через недели или месяцы после даты в ваших документах. "
        "В некоторых местах первое свободное время может быть только через год.",
    ),
    "after-parole-ends": (
        "Первое свободное время — после окончания моего parole. Что мне делать?",
        "Всё равно запишитесь на самое раннее время. Так вы выполняете условия освобождения. "
        "На явке вы можете попросить продлить parole.\n\n"
        "С другими вопросами о parole вам может помочь адвокат. У системы иммиграционных судов "
        "(EOIR) есть список бесплатной и недорогой юридической помощи.",
    ),
    "see-move-cancel": (
        "Как посмотреть, перенести или отменить запись?",
        "Войдите снова с Subject ID и страной рождения. На странице вашей явки видна ваша запись "
        "и кнопки, чтобы перенести её на другой день или отменить. Перед сохранением любого "
        "изменения вас попросят его подтвердить.",
    ),
    "other-time-same-day": (
        "Я не могу прийти в назначенное время. Можно прийти в другое время?",
        "Да, в тот же день. Если вы придёте в тот же офис в ту же дату, в другое время, пока он "
        "открыт, вы всё равно выполните условия освобождения. Чтобы изменить дату, перенесите "
        "запись онлайн.",
    ),
    "no-call-needed": (
        "Нужно ли звонить или идти в офис, чтобы записаться?",
        "Нет. Записаться можно с телефона, планшета или компьютера. Пожалуйста, не приходите "
        "в офис без записи.",
    ),
    "where-are-my-details": (
        "Где найти дату и офис моей явки?",
        "Если явку назначили при освобождении, она указана в ваших документах: в Приказе об "
        "освобождении под личное обязательство (форма I-220A), если вы получили Уведомление о "
        "явке в суд (Notice to Appear), или в Письме-вызове (форма G-56) в остальных случаях. "
        "В некоторых документах даты нет. Если в ваших её нет, запишитесь онлайн.",
    ),
    "walk-in": (
        "Можно прийти в офис без записи?",
        "Пожалуйста, сначала запишитесь. Запись онлайн выполняет условия освобождения, даже если "
        "первое свободное время позже, чем время в ваших документах.",
    ),
    "proof-of-booking": (
        "Могу ли я подтвердить, что пытаюсь выполнить условия освобождения?",
        "Да. После записи распечатайте данные о записи, отправьте их себе на почту или телефон "
        "или добавьте в календарь. Храните их там, где легко найдёте.",
    ),
    "what-to-bring": (
        "Что взять с собой на явку?",
        "Возьмите документы об освобождении и номер подтверждения. Если у вас есть паспорт или "
        "другое удостоверение личности, возьмите и его.",
    ),
    "papers-kept": (
        "В офисе оставили мой паспорт или другие документы. Можно ли их вернуть?",
        "Спросите об этом на явке. Сотрудник рассмотрит вашу просьбу и решит, можно ли вернуть "
        "их сейчас или их нужно хранить дольше.",
    ),
    "i-moved": (
        "У меня новый адрес. Как сообщить об этом в ICE?",
        "Сообщите в ICE в течение 5 дней после переезда. Войдя на сайт, вы можете отправить "
        "новый адрес здесь. Также можно позвонить на линию помощи ICE по номеру 1-833-383-1465 "
        "с понедельника по пятницу, с 8:00 до 20:00 по восточному времени (Eastern Time).",
    ),
    "other-agencies": (
        "Каким ещё ведомствам нужен мой новый адрес?",
        "Это зависит от того, как вас освободили:\n"
        "- Уведомление о явке в суд (форма I-862): ICE и иммиграционный суд (EOIR).\n"
        "- Ускоренная высылка (форма I-860): ICE и USCIS.\n"
        "- Условное освобождение (parole) с альтернативами содержанию под стражей: ICE, а также "
        "USCIS, если вы просили разрешение на работу.\n"
        "- Уведомление о явке в ICE (форма I-385): ICE.\n\n"
        "Если вы просили USCIS о собеседовании об обоснованном страхе (credible fear), сообщите "
        "и в USCIS. Постарайтесь сообщить всем в течение 5 рабочих дней после переезда.",
    ),
    "post-office": (
        "Нужно ли сообщать на почту?",
        "Да. Оформите смену адреса в Почтовой службе США (USPS), чтобы письма, отправленные на "
        "ваш старый адрес, доходили до вас.",
    ),
    "move-often": (
        "Я часто переезжаю. Нужно ли каждый раз менять адрес?",
        "Да, каждый раз. Если есть место, куда ваша почта всегда доходит, например офис вашего "
        "адвоката, можно вместо этого дать этот адрес, даже если вы там не живёте.",
    ),
    "address-used-without-permission": (
        "Я адвокат или представитель организации помощи, и мой адрес без моего согласия указали "
        "в Уведомлении о явке в суд другого человека. Что мне делать?",
        "Свяжитесь с ближайшим местным отделением Управления главного юрисконсульта ICE (OPLA) "
        "и расскажите, что вам известно.",
    ),
}

AR = {
    "do-i-need-to-book": (
        "هل أحتاج إلى حجز موعد لتسجيل الحضور؟",
        "احجز موعدًا إذا:\n"
        "- لم تذكر أوراق الإفراج تاريخًا ووقتًا ومكتبًا لتسجيل حضورك، أو\n"
        "- ذكرت أوراقك تاريخًا، لكنك لا تستطيع الذهاب في ذلك اليوم.\n\n"
        "لا تحتاج إلى الحجز إذا:\n"
        "- كانت أوراقك تذكر تاريخًا ووقتًا ومكتبًا، وتستطيع الذهاب. "
        "إذا كنت تسكن الآن في مدينة أخرى، فاذهب إلى مكتب قريب منك في اليوم نفسه.\n"
        "- سجّلت حضورك من قبل. افعل ما قاله لك الموظف في تلك الزيارة.\n"
        "- كنت تحتاج فقط إلى تغيير عنوانك. انظر «تغيير عنوانك» في الأسفل.",
    ),
    "how-to-book": (
        "كيف أحجز عبر الإنترنت؟",
        "احتفظ بأوراق الإفراج معك. ثم:\n"
        "- اختر لغتك؛\n"
        "- اكتب Subject ID، واختر بلد الميلاد المكتوب في أوراقك، وأثبت أنك لست روبوتًا؛\n"
        "- اكتب عنوانك أو مدينتك أو ولايتك أو الرمز البريدي (ZIP)، واختر واحدًا من أقرب ثلاثة مكاتب؛\n"
        "- اختر وقتًا (الأقرب هو الأفضل)، وراجع التفاصيل، واضغط «تأكيد»؛\n"
        "- احتفظ برقم التأكيد: اطبعه، أو أرسله إلى نفسك، أو اكتبه على ورقة؛\n"
        "- اضغط «إنهاء الجلسة» عندما تنتهي.",
    ),
    "later-than-my-papers": (
        "أول وقت متاح بعد التاريخ المكتوب في أوراقي. هل هذه مشكلة؟",
        "لا. احجز أقرب وقت تجده. الحجز يفي بشروط الإفراج عنك، حتى لو كان بعد أسابيع أو أشهر "
        "من التاريخ المكتوب في أوراقك. في بعض الأماكن قد يكون أول وقت متاح بعد سنة.",
    ),
    "after-parole-ends": (
        "أول وقت متاح بعد انتهاء الإفراج المشروط (parole) الخاص بي. ماذا أفعل؟",
        "احجز أقرب وقت رغم ذلك. هذا يفي بشروط الإفراج عنك. في الموعد يمكنك أن تطلب تمديد "
        "الإفراج المشروط.\n\n"
        "للأسئلة الأخرى عن الإفراج المشروط، يمكن أن يساعدك محامٍ. لدى نظام محاكم الهجرة (EOIR) "
        "قائمة بخدمات قانونية مجانية أو منخفضة التكلفة.",
    ),
    "see-move-cancel": (
        "كيف أرى موعدي أو أنقله أو ألغيه؟",
        "سجّل الدخول مرة أخرى باستخدام Subject ID وبلد الميلاد. تعرض صفحة تسجيل الحضور موعدك، "
        "مع أزرار لنقله إلى يوم آخر أو لإلغائه. كل تغيير يطلب منك التأكيد قبل حفظه.",
    ),
    "other-time-same-day": (
        "لا أستطيع الحضور في وقت موعدي. هل يمكنني المجيء في وقت آخر؟",
        "نعم، في اليوم نفسه. إذا ذهبت إلى المكتب نفسه في التاريخ نفسه، في وقت آخر وهو مفتوح، "
        "فأنت ما زلت تفي بشروط الإفراج عنك. لتغيير التاريخ، انقل موعدك عبر الإنترنت.",
    ),
    "no-call-needed": (
        "هل أحتاج إلى الاتصال أو الذهاب إلى مكتب للحجز؟",
        "لا. يمكنك الحجز من هاتف أو جهاز لوحي أو كمبيوتر. من فضلك لا تذهب إلى مكتب بدون موعد.",
    ),
    "where-are-my-details": (
        "أين أجد تاريخ تسجيل حضوري ومكتبه؟",
        "إذا حُدّد لك موعد لتسجيل الحضور عند الإفراج عنك، فهو مطبوع في أوراقك: في أمر الإفراج "
        "بالتعهد الشخصي (النموذج I-220A) إذا حصلت على إشعار بالمثول (Notice to Appear)، أو في "
        "رسالة الاستدعاء (النموذج G-56) في الحالات الأخرى. بعض الأوراق ليس فيها تاريخ. إذا لم "
        "يكن في أوراقك تاريخ، فاحجز عبر الإنترنت.",
    ),
    "walk-in": (
        "هل يمكنني الذهاب إلى مكتب بدون موعد؟",
        "من فضلك احجز أولًا. الحجز عبر الإنترنت يفي بشروط الإفراج عنك، حتى عندما يكون أول وقت "
        "متاح بعد الوقت المكتوب في أوراقك.",
    ),
    "proof-of-booking": (
        "هل يمكنني أن أثبت أنني حاولت الالتزام بشروط الإفراج عني؟",
        "نعم. بعد الحجز، اطبع تفاصيل الموعد، أو أرسلها إلى بريدك الإلكتروني أو هاتفك، أو أضفها "
        "إلى تقويمك. احفظها في مكان تجدها فيه بسهولة.",
    ),
    "what-to-bring": (
        "ماذا أحضر معي إلى موعد تسجيل الحضور؟",
        "أحضر أوراق الإفراج ورقم التأكيد. إذا كان لديك جواز سفر أو بطاقة هوية أخرى، فأحضرها أيضًا.",
    ),
    "papers-kept": (
        "احتفظ مكتب بجواز سفري أو أوراق أخرى. هل يمكنني استعادتها؟",
        "اسأل في موعد تسجيل الحضور. سينظر الموظف في طلبك ويقرر هل يمكن إعادتها إليك الآن أو "
        "يجب الاحتفاظ بها مدة أطول.",
    ),
    "i-moved": (
        "انتقلت إلى عنوان جديد. كيف أبلغ ICE؟",
        "أبلغ ICE خلال 5 أيام من انتقالك. بعد تسجيل الدخول يمكنك إرسال عنوانك الجديد على هذا "
        "الموقع. ويمكنك أيضًا الاتصال بخط المساعدة التابع لـ ICE على 1-833-383-1465، من الاثنين "
        "إلى الجمعة، من 8 صباحًا إلى 8 مساءً بتوقيت شرق الولايات المتحدة (Eastern Time).",
    ),
    "other-agencies": (
        "ما المكاتب الأخرى التي تحتاج إلى عنواني الجديد؟",
        "هذا يعتمد على طريقة الإفراج عنك:\n"
        "- إشعار بالمثول (Notice to Appear، النموذج I-862): ICE ومحكمة الهجرة (EOIR).\n"
        "- الترحيل المعجّل (النموذج I-860): ICE وUSCIS.\n"
        "- إفراج مشروط مع بدائل الاحتجاز: ICE، وUSCIS أيضًا إذا طلبت تصريح عمل.\n"
        "- إشعار بالحضور (النموذج I-385): ICE.\n\n"
        "إذا طلبت من USCIS مقابلة الخوف الموثوق (credible fear)، فأبلغ USCIS أيضًا. "
        "حاول أن تنتهي منها كلها خلال 5 أيام عمل من انتقالك.",
    ),
    "post-office": (
        "هل يجب أن أبلغ مكتب البريد؟",
        "نعم. املأ طلب تغيير العنوان لدى خدمة البريد الأمريكية (USPS)، حتى تصلك الرسائل "
        "المرسلة إلى عنوانك القديم.",
    ),
    "move-often": (
        "أنتقل كثيرًا. هل يجب أن أحدّث عنواني في كل مرة؟",
        "نعم، في كل مرة. إذا كان هناك مكان يصلك فيه بريدك دائمًا، مثل مكتب محاميك، يمكنك أن "
        "تعطي ذلك العنوان بدلًا من عنوانك، حتى لو كنت لا تسكن هناك.",
    ),
    "address-used-without-permission": (
        "أنا محامٍ أو من مجموعة مساعدة، ووُضع عنواني في إشعار بالمثول لشخص آخر بدون إذني. ماذا أفعل؟",
        "تواصل مع أقرب مكتب محلي لمكتب المستشار القانوني الرئيسي التابع لـ ICE (OPLA)، "
        "وأخبرهم بما تعرفه.",
    ),
}

FA = {
    "do-i-need-to-book": (
        "آیا باید برای حضور وقت رزرو کنم؟",
        "وقت رزرو کنید اگر:\n"
        "- در برگه‌های آزادی شما تاریخ، ساعت و دفتری برای حضور نیامده است، یا\n"
        "- در برگه‌های شما تاریخی آمده است، اما نمی‌توانید آن روز بروید.\n\n"
        "لازم نیست وقت رزرو کنید اگر:\n"
        "- در برگه‌های شما تاریخ، ساعت و دفتر آمده است و می‌توانید بروید. "
        "اگر اکنون در شهر دیگری زندگی می‌کنید، همان روز به دفتری نزدیک خود بروید.\n"
        "- قبلاً یک بار حضور یافته‌اید. کاری را بکنید که مأمور در آن مراجعه به شما گفت.\n"
        "- فقط باید نشانی خود را تغییر دهید. «تغییر نشانی شما» را در پایین ببینید.",
    ),
    "how-to-book": (
        "چطور اینترنتی وقت رزرو کنم؟",
        "برگه‌های آزادی خود را همراه داشته باشید. سپس:\n"
        "- زبان خود را انتخاب کنید؛\n"
        "- Subject ID را تایپ کنید، کشور محل تولد را که روی برگه‌هایتان چاپ شده انتخاب کنید "
        "و نشان دهید که ربات نیستید؛\n"
        "- نشانی، شهر، ایالت یا کد پستی (ZIP) خود را تایپ کنید و یکی از سه دفتر نزدیک‌تر را "
        "انتخاب کنید؛\n"
        "- یک زمان انتخاب کنید (زودترین بهتر است)، جزئیات را بررسی کنید و «تأیید» را بزنید؛\n"
        "- شمارهٔ تأیید را نگه دارید: آن را چاپ کنید، برای خودتان بفرستید یا یادداشت کنید؛\n"
        "- وقتی کارتان تمام شد «پایان نشست» را بزنید.",
    ),
    "later-than-my-papers": (
        "اولین زمان خالی بعد از تاریخ روی برگه‌های من است. آیا این مشکلی دارد؟",
        "نه. زودترین زمانی را که می‌توانید بگیرید رزرو کنید. همین رزرو شرایط آزادی شما را "
        "رعایت می‌کند، حتی اگر چند هفته یا چند ماه بعد از تاریخ روی برگه‌هایتان باشد. در بعضی "
        "جاها اولین زمان خالی ممکن است یک سال بعد باشد.",
    ),
    "after-parole-ends": (
        "اولین زمان خالی بعد از پایان آزادی مشروط (parole) من است. چه کار کنم؟",
        "باز هم زودترین زمان را رزرو کنید. این کار شرایط آزادی شما را رعایت می‌کند. هنگام "
        "حضور می‌توانید برای آزادی مشروط خود وقت بیشتری درخواست کنید.\n\n"
        "برای پرسش‌های دیگر دربارهٔ آزادی مشروط، یک وکیل می‌تواند به شما کمک کند. سیستم "
        "دادگاه‌های مهاجرت (EOIR) فهرستی از خدمات حقوقی رایگان یا کم‌هزینه دارد.",
    ),
    "see-move-cancel": (
        "چطور وقت خود را ببینم، جابه‌جا کنم یا لغو کنم؟",
        "با Subject ID و کشور محل تولد دوباره وارد شوید. صفحهٔ حضور شما وقتتان را نشان "
        "می‌دهد، با دکمه‌هایی برای انتقال آن به روز دیگر یا لغو آن. هر تغییری پیش از ذخیره "
        "شدن از شما تأیید می‌خواهد.",
    ),
    "other-time-same-day": (
        "نمی‌توانم در ساعت وقتم آنجا باشم. آیا می‌توانم ساعت دیگری بیایم؟",
        "بله، در همان روز. اگر در همان تاریخ، در ساعت دیگری که دفتر باز است، به همان دفتر "
        "بروید، باز هم شرایط آزادی خود را رعایت کرده‌اید. برای تغییر تاریخ، وقت خود را "
        "اینترنتی جابه‌جا کنید.",
    ),
    "no-call-needed": (
        "آیا برای رزرو باید تماس بگیرم یا به دفتر بروم؟",
        "نه. می‌توانید با تلفن، تبلت یا رایانه رزرو کنید. لطفاً بدون وقت قبلی به دفتر نروید.",
    ),
    "where-are-my-details": (
        "تاریخ و دفتر حضورم را کجا پیدا کنم؟",
        "اگر هنگام آزادی برای شما حضوری تعیین شده باشد، روی برگه‌هایتان چاپ شده است: روی حکم "
        "آزادی با تعهد شخصی (فرم I-220A) اگر اخطاریهٔ حضور در دادگاه (Notice to Appear) "
        "گرفته‌اید، یا در موارد دیگر روی نامهٔ احضار (فرم G-56). بعضی برگه‌ها تاریخ ندارند. "
        "اگر برگه‌های شما تاریخ ندارند، اینترنتی وقت رزرو کنید.",
    ),
    "walk-in": (
        "آیا می‌توانم بدون وقت قبلی به دفتر بروم؟",
        "لطفاً اول وقت رزرو کنید. رزرو اینترنتی شرایط آزادی شما را رعایت می‌کند، حتی وقتی "
        "اولین زمان خالی دیرتر از زمانی باشد که روی برگه‌هایتان آمده است.",
    ),
    "proof-of-booking": (
        "آیا می‌توانم نشان دهم که برای رعایت شرایط آزادی‌ام تلاش کرده‌ام؟",
        "بله. پس از رزرو، جزئیات وقت را چاپ کنید، به ایمیل یا تلفن خود بفرستید، یا به تقویم "
        "خود اضافه کنید. آن‌ها را جایی نگه دارید که به‌راحتی پیدایشان کنید.",
    ),
    "what-to-bring": (
        "برای حضور چه چیزی همراه بیاورم؟",
        "برگه‌های آزادی و شمارهٔ تأیید خود را همراه بیاورید. اگر گذرنامه یا مدرک شناسایی "
        "دیگری دارید، آن را هم بیاورید.",
    ),
    "papers-kept": (
        "یک دفتر گذرنامه یا برگه‌های دیگر مرا نگه داشته است. آیا می‌توانم آن‌ها را پس بگیرم؟",
        "در وقت حضور خود بپرسید. مأمور درخواست شما را بررسی می‌کند و تصمیم می‌گیرد که آیا "
        "می‌توان آن‌ها را اکنون به شما برگرداند یا باید مدت بیشتری نگه داشته شوند.",
    ),
    "i-moved": (
        "نقل مکان کرده‌ام. چطور به ICE خبر بدهم؟",
        "ظرف ۵ روز پس از نقل مکان به ICE خبر دهید. پس از ورود می‌توانید نشانی جدید خود را در "
        "این وب‌سایت بفرستید. همچنین می‌توانید با خط راهنمای ICE به شمارهٔ 1-833-383-1465 "
        "تماس بگیرید، دوشنبه تا جمعه، ساعت ۸ صبح تا ۸ شب به وقت شرق آمریکا (Eastern Time).",
    ),
    "other-agencies": (
        "چه اداره‌های دیگری به نشانی جدید من نیاز دارند؟",
        "بستگی دارد که چطور آزاد شده‌اید:\n"
        "- اخطاریهٔ حضور در دادگاه (Notice to Appear، فرم I-862): ICE و دادگاه مهاجرت (EOIR).\n"
        "- اخراج فوری (فرم I-860): ICE و USCIS.\n"
        "- آزادی مشروط با جایگزین‌های بازداشت: ICE، و اگر مجوز کار درخواست کرده‌اید USCIS هم.\n"
        "- اخطاریهٔ گزارش حضور (فرم I-385): ICE.\n\n"
        "اگر از USCIS مصاحبهٔ ترس معتبر (credible fear) درخواست کرده‌اید، به USCIS هم خبر "
        "دهید. سعی کنید کار همه را ظرف ۵ روز کاری پس از نقل مکان تمام کنید.",
    ),
    "post-office": (
        "آیا باید به ادارهٔ پست خبر بدهم؟",
        "بله. درخواست تغییر نشانی را نزد ادارهٔ پست آمریکا (USPS) پر کنید تا نامه‌هایی که به "
        "نشانی قبلی شما فرستاده می‌شوند به دستتان برسند.",
    ),
    "move-often": (
        "زیاد جابه‌جا می‌شوم. آیا باید هر بار نشانی‌ام را به‌روز کنم؟",
        "بله، هر بار. اگر جایی هست که نامه‌هایتان همیشه به آنجا می‌رسد، مانند دفتر وکیلتان، "
        "می‌توانید به‌جای نشانی خود آن نشانی را بدهید، حتی اگر آنجا زندگی نمی‌کنید.",
    ),
    "address-used-without-permission": (
        "من وکیل یا عضو یک گروه کمک‌رسانی هستم و نشانی مرا بدون اجازه‌ام روی اخطاریهٔ حضور در "
        "دادگاه شخص دیگری نوشته‌اند. چه کاری می‌توانم بکنم؟",
        "با نزدیک‌ترین دفتر محلی ادارهٔ مشاور حقوقی ارشد ICE (OPLA) تماس بگیرید و آنچه را "
        "می‌دانید به آن‌ها بگویید.",
    ),
}

HI = {
    "do-i-need-to-book": (
        "क्या मुझे चेक-इन अपॉइंटमेंट बुक करना होगा?",
        "अपॉइंटमेंट बुक करें अगर:\n"
        "- आपके रिहाई के कागज़ों पर आपके चेक-इन की तारीख, समय और दफ़्तर नहीं लिखा है, या\n"
        "- आपके कागज़ों पर तारीख लिखी है, लेकिन आप उस दिन नहीं जा सकते।\n\n"
        "आपको बुक करने की ज़रूरत नहीं है अगर:\n"
        "- आपके कागज़ों पर पहले से तारीख, समय और दफ़्तर लिखा है, और आप जा सकते हैं। "
        "अगर आप अब किसी दूसरे शहर में रहते हैं, तो उसी दिन अपने पास के किसी दफ़्तर में जाएँ।\n"
        "- आप पहले ही चेक-इन पर जा चुके हैं। उस मुलाकात में अधिकारी ने जो कहा था, वही करें।\n"
        "- आपको सिर्फ़ अपना पता बदलना है। नीचे “अपना पता बदलना” देखें।",
    ),
    "how-to-book": (
        "मैं ऑनलाइन कैसे बुक करूँ?",
        "अपनी रिहाई के कागज़ अपने पास रखें। फिर:\n"
        "- अपनी भाषा चुनें;\n"
        "- Subject ID लिखें, आपके कागज़ों पर छपा जन्म का देश चुनें, और दिखाएँ कि आप रोबोट नहीं हैं;\n"
        "- अपना पता, शहर, राज्य या ZIP कोड लिखें और तीन सबसे पास के दफ़्तरों में से एक चुनें;\n"
        "- एक समय चुनें (सबसे जल्दी वाला सबसे अच्छा है), जानकारी जाँचें और पक्का करें दबाएँ;\n"
        "- कन्फ़र्मेशन नंबर संभालकर रखें: उसे प्रिंट करें, खुद को भेजें या लिख लें;\n"
        "- काम पूरा होने पर सत्र खत्म करें दबाएँ।",
    ),
    "later-than-my-papers": (
        "पहला खाली समय मेरे कागज़ों पर लिखी तारीख के बाद का है। क्या यह कोई समस्या है?",
        "नहीं। जो सबसे जल्दी का समय मिले, वही बुक करें। बुक करने से आपकी रिहाई की शर्तें पूरी "
        "होती हैं, भले ही वह आपके कागज़ों की तारीख से कई हफ़्ते या महीने बाद का हो। कुछ जगहों पर "
        "पहला खाली समय एक साल बाद का भी हो सकता है।",
    ),
    "after-parole-ends": (
        "पहला खाली समय मेरी पैरोल खत्म होने के बाद का है। मुझे क्या करना चाहिए?",
        "फिर भी सबसे जल्दी का समय बुक करें। इससे आपकी रिहाई की शर्तें पूरी होती हैं। अपॉइंटमेंट "
        "पर आप पैरोल के लिए और समय माँग सकते हैं।\n\n"
        "अपनी पैरोल के बारे में दूसरे प्रश्नों के लिए कोई वकील आपकी मदद कर सकता है। इमिग्रेशन "
        "कोर्ट की व्यवस्था (EOIR) के पास मुफ़्त और कम खर्च वाली कानूनी सेवाओं की एक सूची है।",
    ),
    "see-move-cancel": (
        "मैं अपना अपॉइंटमेंट कैसे देखूँ, बदलूँ या रद्द करूँ?",
        "Subject ID और जन्म का देश डालकर फिर से साइन इन करें। आपके चेक-इन पेज पर आपका अपॉइंटमेंट "
        "दिखता है, और उसे किसी दूसरे दिन पर ले जाने या रद्द करने के बटन भी होते हैं। हर बदलाव सेव "
        "होने से पहले आपसे पक्का करने को कहा जाता है।",
    ),
    "other-time-same-day": (
        "अपॉइंटमेंट के समय पर पहुँचना मेरे लिए मुमकिन नहीं है। क्या किसी दूसरे समय आना ठीक है?",
        "हाँ, उसी दिन। अगर आप उसी तारीख को उसी दफ़्तर में किसी दूसरे समय जाते हैं, जब वह खुला हो, "
        "तब भी आपकी रिहाई की शर्तें पूरी होती हैं। तारीख बदलने के लिए अपना अपॉइंटमेंट ऑनलाइन बदलें।",
    ),
    "no-call-needed": (
        "क्या बुक करने के लिए मुझे कॉल करना होगा या दफ़्तर जाना होगा?",
        "नहीं। आप फ़ोन, टैबलेट या कंप्यूटर से बुक कर सकते हैं। कृपया बिना अपॉइंटमेंट के किसी दफ़्तर में न जाएँ।",
    ),
    "where-are-my-details": (
        "मुझे अपने चेक-इन की तारीख और दफ़्तर कहाँ मिलेगा?",
        "अगर रिहाई के समय आपका चेक-इन तय किया गया था, तो वह आपके कागज़ों पर छपा है: अगर आपको "
        "हाज़िर होने का नोटिस (Notice to Appear) मिला था, तो अपनी ज़मानत पर रिहाई के आदेश "
        "(Form I-220A) पर, और बाकी मामलों में बुलावा पत्र (Form G-56) पर। कुछ कागज़ों पर तारीख "
        "नहीं होती। अगर आपके कागज़ों पर नहीं है, तो ऑनलाइन बुक करें।",
    ),
    "walk-in": (
        "क्या बिना अपॉइंटमेंट के दफ़्तर जाना ठीक है?",
        "कृपया पहले बुक करें। ऑनलाइन बुक करने से आपकी रिहाई की शर्तें पूरी होती हैं, भले ही पहला "
        "खाली समय आपके कागज़ों पर लिखे समय से बाद का हो।",
    ),
    "proof-of-booking": (
        "मैंने अपनी रिहाई की शर्तें पूरी करने की कोशिश की, क्या यह दिखाने का कोई तरीका है?",
        "हाँ। बुक करने के बाद अपॉइंटमेंट की जानकारी प्रिंट करें, अपने ईमेल या फ़ोन पर भेजें, या "
        "अपने कैलेंडर में जोड़ें। उसे ऐसी जगह रखें जहाँ वह आपको आसानी से मिल जाए।",
    ),
    "what-to-bring": (
        "मुझे अपने चेक-इन पर क्या लेकर आना चाहिए?",
        "अपने रिहाई के कागज़ और अपना कन्फ़र्मेशन नंबर साथ लाएँ। अगर आपके पास पासपोर्ट या कोई "
        "दूसरा पहचान पत्र है, तो उसे भी लाएँ।",
    ),
    "papers-kept": (
        "एक दफ़्तर ने मेरा पासपोर्ट या दूसरे कागज़ रख लिए। क्या मुझे वे वापस मिल सकते हैं?",
        "अपने चेक-इन अपॉइंटमेंट पर पूछें। अधिकारी आपकी अर्ज़ी देखेंगे और तय करेंगे कि वे आपको "
        "अभी लौटाए जा सकते हैं या उन्हें और समय तक रखना होगा।",
    ),
    "i-moved": (
        "मैंने घर बदल लिया है। मैं ICE को कैसे बताऊँ?",
        "घर बदलने के 5 दिनों के अंदर ICE को बताएँ। साइन इन करने के बाद आप इस वेबसाइट पर अपना "
        "नया पता भेज सकते हैं। आप ICE की हेल्पलाइन 1-833-383-1465 पर भी कॉल कर सकते हैं, "
        "सोमवार से शुक्रवार, सुबह 8 बजे से रात 8 बजे तक, ईस्टर्न टाइम (Eastern Time)।",
    ),
    "other-agencies": (
        "और किन दफ़्तरों को मेरा नया पता चाहिए?",
        "यह इस पर निर्भर करता है कि आपकी रिहाई कैसे हुई:\n"
        "- हाज़िर होने का नोटिस (Form I-862): ICE और इमिग्रेशन कोर्ट (EOIR)।\n"
        "- त्वरित निष्कासन (Form I-860): ICE और USCIS।\n"
        "- हिरासत के विकल्पों के साथ पैरोल: ICE, और अगर आपने वर्क परमिट माँगा था तो USCIS भी।\n"
        "- रिपोर्ट करने का नोटिस (Form I-385): ICE।\n\n"
        "अगर आपने USCIS से क्रेडिबल फ़ियर इंटरव्यू (डर के बारे में इंटरव्यू) माँगा था, तो USCIS "
        "को भी बताएँ। कोशिश करें कि घर बदलने के 5 कामकाजी दिनों के अंदर यह सब पूरा हो जाए।",
    ),
    "post-office": (
        "क्या मुझे पोस्ट ऑफ़िस को बताना चाहिए?",
        "हाँ। अमेरिकी डाक सेवा (USPS) में पता बदलने का अनुरोध भरें, ताकि आपके पुराने पते पर भेजी "
        "गई चिट्ठियाँ आप तक पहुँचें।",
    ),
    "move-often": (
        "मुझे बार-बार घर बदलना पड़ता है। क्या मुझे हर बार अपना पता अपडेट करना होगा?",
        "हाँ, हर बार। अगर कोई ऐसी जगह है जहाँ आपकी डाक हमेशा पहुँचती है, जैसे आपके वकील का "
        "दफ़्तर, तो आप उसकी जगह वह पता दे सकते हैं, भले ही आप वहाँ न रहते हों।",
    ),
    "address-used-without-permission": (
        "मैं वकील हूँ या किसी सहायता संगठन से हूँ, और मेरी इजाज़त के बिना मेरा पता किसी और के "
        "हाज़िर होने के नोटिस (Notice to Appear) पर डाल दिया गया। मुझे क्या करना चाहिए?",
        "ICE के प्रिंसिपल लीगल एडवाइज़र के दफ़्तर (OPLA) की सबसे पास की स्थानीय शाखा से संपर्क "
        "करें और उन्हें बताएँ कि आप क्या जानते हैं।",
    ),
}

PA = {
    "do-i-need-to-book": (
        "ਕੀ ਮੈਨੂੰ ਚੈੱਕ-ਇਨ ਅਪੌਇੰਟਮੈਂਟ ਬੁੱਕ ਕਰਨੀ ਪਵੇਗੀ?",
        "ਅਪੌਇੰਟਮੈਂਟ ਬੁੱਕ ਕਰੋ ਜੇ:\n"
        "- ਤੁਹਾਡੇ ਰਿਹਾਈ ਦੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਤੁਹਾਡੇ ਚੈੱਕ-ਇਨ ਦੀ ਤਾਰੀਖ਼, ਸਮਾਂ ਅਤੇ ਦਫ਼ਤਰ ਨਹੀਂ ਲਿਖਿਆ, ਜਾਂ\n"
        "- ਤੁਹਾਡੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਤਾਰੀਖ਼ ਲਿਖੀ ਹੈ, ਪਰ ਤੁਸੀਂ ਉਸ ਦਿਨ ਨਹੀਂ ਜਾ ਸਕਦੇ।\n\n"
        "ਤੁਹਾਨੂੰ ਬੁੱਕ ਕਰਨ ਦੀ ਲੋੜ ਨਹੀਂ ਜੇ:\n"
        "- ਤੁਹਾਡੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਪਹਿਲਾਂ ਹੀ ਤਾਰੀਖ਼, ਸਮਾਂ ਅਤੇ ਦਫ਼ਤਰ ਲਿਖਿਆ ਹੈ, ਅਤੇ ਤੁਸੀਂ ਜਾ ਸਕਦੇ ਹੋ। "
        "ਜੇ ਤੁਸੀਂ ਹੁਣ ਕਿਸੇ ਹੋਰ ਸ਼ਹਿਰ ਵਿੱਚ ਰਹਿੰਦੇ ਹੋ, ਤਾਂ ਉਸੇ ਦਿਨ ਆਪਣੇ ਨੇੜੇ ਦੇ ਕਿਸੇ ਦਫ਼ਤਰ ਵਿੱਚ ਜਾਓ।\n"
        "- ਤੁਸੀਂ ਪਹਿਲਾਂ ਹੀ ਚੈੱਕ-ਇਨ 'ਤੇ ਜਾ ਚੁੱਕੇ ਹੋ। ਉਸ ਮੁਲਾਕਾਤ ਵਿੱਚ ਅਫ਼ਸਰ ਨੇ ਜੋ ਕਿਹਾ ਸੀ, ਉਹੀ ਕਰੋ।\n"
        "- ਤੁਹਾਨੂੰ ਸਿਰਫ਼ ਆਪਣਾ ਪਤਾ ਬਦਲਣਾ ਹੈ। ਹੇਠਾਂ “ਆਪਣਾ ਪਤਾ ਬਦਲਣਾ” ਦੇਖੋ।",
    ),
    "how-to-book": (
        "ਮੈਂ ਔਨਲਾਈਨ ਕਿਵੇਂ ਬੁੱਕ ਕਰਾਂ?",
        "ਆਪਣੇ ਰਿਹਾਈ ਦੇ ਕਾਗਜ਼ ਆਪਣੇ ਕੋਲ ਰੱਖੋ। ਫਿਰ:\n"
        "- ਆਪਣੀ ਭਾਸ਼ਾ ਚੁਣੋ;\n"
        "- Subject ID ਲਿਖੋ, ਆਪਣੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਛਪਿਆ ਜਨਮ ਦਾ ਦੇਸ਼ ਚੁਣੋ, ਅਤੇ ਦਿਖਾਓ ਕਿ ਤੁਸੀਂ ਰੋਬੋਟ ਨਹੀਂ ਹੋ;\n"
        "- ਆਪਣਾ ਪਤਾ, ਸ਼ਹਿਰ, ਰਾਜ ਜਾਂ ZIP ਕੋਡ ਲਿਖੋ ਅਤੇ ਤਿੰਨ ਸਭ ਤੋਂ ਨੇੜੇ ਦੇ ਦਫ਼ਤਰਾਂ ਵਿੱਚੋਂ ਇੱਕ ਚੁਣੋ;\n"
        "- ਇੱਕ ਸਮਾਂ ਚੁਣੋ (ਸਭ ਤੋਂ ਜਲਦੀ ਵਾਲਾ ਸਭ ਤੋਂ ਵਧੀਆ ਹੈ), ਜਾਣਕਾਰੀ ਜਾਂਚੋ ਅਤੇ ਪੁਸ਼ਟੀ ਕਰੋ ਦਬਾਓ;\n"
        "- ਪੁਸ਼ਟੀ ਨੰਬਰ ਸੰਭਾਲ ਕੇ ਰੱਖੋ: ਉਸਨੂੰ ਪ੍ਰਿੰਟ ਕਰੋ, ਆਪਣੇ ਆਪ ਨੂੰ ਭੇਜੋ ਜਾਂ ਲਿਖ ਲਓ;\n"
        "- ਕੰਮ ਪੂਰਾ ਹੋਣ 'ਤੇ ਸੈਸ਼ਨ ਖ਼ਤਮ ਕਰੋ ਦਬਾਓ।",
    ),
    "later-than-my-papers": (
        "ਪਹਿਲਾ ਖਾਲੀ ਸਮਾਂ ਮੇਰੇ ਕਾਗਜ਼ਾਂ ਵਾਲੀ ਤਾਰੀਖ਼ ਤੋਂ ਬਾਅਦ ਦਾ ਹੈ। ਕੀ ਇਹ ਕੋਈ ਸਮੱਸਿਆ ਹੈ?",
        "ਨਹੀਂ। ਜੋ ਸਭ ਤੋਂ ਜਲਦੀ ਸਮਾਂ ਮਿਲੇ, ਉਹੀ ਬੁੱਕ ਕਰੋ। ਬੁੱਕ ਕਰਨ ਨਾਲ ਤੁਹਾਡੀ ਰਿਹਾਈ ਦੀਆਂ ਸ਼ਰਤਾਂ "
        "ਪੂਰੀਆਂ ਹੁੰਦੀਆਂ ਹਨ, ਭਾਵੇਂ ਉਹ ਤੁਹਾਡੇ ਕਾਗਜ਼ਾਂ ਵਾਲੀ ਤਾਰੀਖ਼ ਤੋਂ ਕਈ ਹਫ਼ਤੇ ਜਾਂ ਮਹੀਨੇ ਬਾਅਦ ਦਾ "
        "ਹੋਵੇ। ਕੁਝ ਥਾਵਾਂ 'ਤੇ ਪਹਿਲਾ ਖਾਲੀ ਸਮਾਂ ਇੱਕ ਸਾਲ ਬਾਅਦ ਦਾ ਵੀ ਹੋ ਸਕਦਾ ਹੈ।",
    ),
    "after-parole-ends": (
        "ਪਹਿਲਾ ਖਾਲੀ ਸਮਾਂ ਮੇਰੀ ਪੈਰੋਲ ਖ਼ਤਮ ਹੋਣ ਤੋਂ ਬਾਅਦ ਦਾ ਹੈ। ਮੈਨੂੰ ਕੀ ਕਰਨਾ ਚਾਹੀਦਾ ਹੈ?",
        "ਫਿਰ ਵੀ ਸਭ ਤੋਂ ਜਲਦੀ ਸਮਾਂ ਬੁੱਕ ਕਰੋ। ਇਸ ਨਾਲ ਤੁਹਾਡੀ ਰਿਹਾਈ ਦੀਆਂ ਸ਼ਰਤਾਂ ਪੂਰੀਆਂ ਹੁੰਦੀਆਂ ਹਨ। "
        "ਅਪੌਇੰਟਮੈਂਟ 'ਤੇ ਤੁਸੀਂ ਪੈਰੋਲ ਲਈ ਹੋਰ ਸਮਾਂ ਮੰਗ ਸਕਦੇ ਹੋ।\n\n"
        "ਆਪਣੀ ਪੈਰੋਲ ਬਾਰੇ ਹੋਰ ਸਵਾਲਾਂ ਲਈ ਕੋਈ ਵਕੀਲ ਤੁਹਾਡੀ ਮਦਦ ਕਰ ਸਕਦਾ ਹੈ। ਇਮੀਗ੍ਰੇਸ਼ਨ ਅਦਾਲਤਾਂ ਦੇ "
        "ਸਿਸਟਮ (EOIR) ਕੋਲ ਮੁਫ਼ਤ ਅਤੇ ਘੱਟ ਖ਼ਰਚੇ ਵਾਲੀਆਂ ਕਾਨੂੰਨੀ ਸੇਵਾਵਾਂ ਦੀ ਇੱਕ ਸੂਚੀ ਹੈ।",
    ),
    "see-move-cancel": (
        "ਮੈਂ ਆਪਣੀ ਅਪੌਇੰਟਮੈਂਟ ਕਿਵੇਂ ਦੇਖਾਂ, ਬਦਲਾਂ ਜਾਂ ਰੱਦ ਕਰਾਂ?",
        "Subject ID ਅਤੇ ਜਨਮ ਦਾ ਦੇਸ਼ ਪਾ ਕੇ ਦੁਬਾਰਾ ਸਾਈਨ ਇਨ ਕਰੋ। ਤੁਹਾਡੇ ਚੈੱਕ-ਇਨ ਪੰਨੇ 'ਤੇ ਤੁਹਾਡੀ "
        "ਅਪੌਇੰਟਮੈਂਟ ਦਿਸਦੀ ਹੈ, ਅਤੇ ਉਸਨੂੰ ਕਿਸੇ ਹੋਰ ਦਿਨ 'ਤੇ ਬਦਲਣ ਜਾਂ ਰੱਦ ਕਰਨ ਦੇ ਬਟਨ ਵੀ ਹੁੰਦੇ ਹਨ। "
        "ਹਰ ਬਦਲਾਅ ਸੇਵ ਹੋਣ ਤੋਂ ਪਹਿਲਾਂ ਤੁਹਾਨੂੰ ਪੁਸ਼ਟੀ ਕਰਨ ਲਈ ਕਿਹਾ ਜਾਂਦਾ ਹੈ।",
    ),
    "other-time-same-day": (
        "ਅਪੌਇੰਟਮੈਂਟ ਦੇ ਸਮੇਂ 'ਤੇ ਪਹੁੰਚਣਾ ਮੇਰੇ ਲਈ ਮੁਮਕਿਨ ਨਹੀਂ। ਕੀ ਕਿਸੇ ਹੋਰ ਸਮੇਂ ਆਉਣਾ ਠੀਕ ਹੈ?",
        "ਹਾਂ, ਉਸੇ ਦਿਨ। ਜੇ ਤੁਸੀਂ ਉਸੇ ਤਾਰੀਖ਼ ਨੂੰ ਉਸੇ ਦਫ਼ਤਰ ਵਿੱਚ ਕਿਸੇ ਹੋਰ ਸਮੇਂ ਜਾਂਦੇ ਹੋ, ਜਦੋਂ ਉਹ "
        "ਖੁੱਲ੍ਹਾ ਹੋਵੇ, ਤਾਂ ਵੀ ਤੁਹਾਡੀ ਰਿਹਾਈ ਦੀਆਂ ਸ਼ਰਤਾਂ ਪੂਰੀਆਂ ਹੁੰਦੀਆਂ ਹਨ। ਤਾਰੀਖ਼ ਬਦਲਣ ਲਈ ਆਪਣੀ "
        "ਅਪੌਇੰਟਮੈਂਟ ਔਨਲਾਈਨ ਬਦਲੋ।",
    ),
    "no-call-needed": (
        "ਕੀ ਬੁੱਕ ਕਰਨ ਲਈ ਮੈਨੂੰ ਫ਼ੋਨ ਕਰਨਾ ਪਵੇਗਾ ਜਾਂ ਦਫ਼ਤਰ ਜਾਣਾ ਪਵੇਗਾ?",
        "ਨਹੀਂ। ਤੁਸੀਂ ਫ਼ੋਨ, ਟੈਬਲੈੱਟ ਜਾਂ ਕੰਪਿਊਟਰ ਤੋਂ ਬੁੱਕ ਕਰ ਸਕਦੇ ਹੋ। ਕਿਰਪਾ ਕਰਕੇ ਅਪੌਇੰਟਮੈਂਟ ਤੋਂ ਬਿਨਾਂ ਕਿਸੇ ਦਫ਼ਤਰ ਵਿੱਚ ਨਾ ਜਾਓ।",
    ),
    "where-are-my-details": (
        "ਮੈਨੂੰ ਆਪਣੇ ਚੈੱਕ-ਇਨ ਦੀ ਤਾਰੀਖ਼ ਅਤੇ ਦਫ਼ਤਰ ਕਿੱਥੇ ਮਿਲੇਗਾ?",
        "ਜੇ ਰਿਹਾਈ ਵੇਲੇ ਤੁਹਾਡਾ ਚੈੱਕ-ਇਨ ਤੈਅ ਕੀਤਾ ਗਿਆ ਸੀ, ਤਾਂ ਉਹ ਤੁਹਾਡੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਛਪਿਆ ਹੈ: ਜੇ "
        "ਤੁਹਾਨੂੰ ਹਾਜ਼ਰ ਹੋਣ ਦਾ ਨੋਟਿਸ (Notice to Appear) ਮਿਲਿਆ ਸੀ, ਤਾਂ ਆਪਣੀ ਜ਼ਮਾਨਤ 'ਤੇ ਰਿਹਾਈ ਦੇ "
        "ਹੁਕਮ (Form I-220A) 'ਤੇ, ਅਤੇ ਬਾਕੀ ਮਾਮਲਿਆਂ ਵਿੱਚ ਬੁਲਾਵਾ ਪੱਤਰ (Form G-56) 'ਤੇ। ਕੁਝ "
        "ਕਾਗਜ਼ਾਂ 'ਤੇ ਤਾਰੀਖ਼ ਨਹੀਂ ਹੁੰਦੀ। ਜੇ ਤੁਹਾਡੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਨਹੀਂ ਹੈ, ਤਾਂ ਔਨਲਾਈਨ ਬੁੱਕ ਕਰੋ।",
    ),
    "walk-in": (
        "ਕੀ ਅਪੌਇੰਟਮੈਂਟ ਤੋਂ ਬਿਨਾਂ ਦਫ਼ਤਰ ਜਾਣਾ ਠੀਕ ਹੈ?",
        "ਕਿਰਪਾ ਕਰਕੇ ਪਹਿਲਾਂ ਬੁੱਕ ਕਰੋ। ਔਨਲਾਈਨ ਬੁੱਕ ਕਰਨ ਨਾਲ ਤੁਹਾਡੀ ਰਿਹਾਈ ਦੀਆਂ ਸ਼ਰਤਾਂ ਪੂਰੀਆਂ ਹੁੰਦੀਆਂ "
        "ਹਨ, ਭਾਵੇਂ ਪਹਿਲਾ ਖਾਲੀ ਸਮਾਂ ਤੁਹਾਡੇ ਕਾਗਜ਼ਾਂ 'ਤੇ ਲਿਖੇ ਸਮੇਂ ਤੋਂ ਬਾਅਦ ਦਾ ਹੋਵੇ।",
    ),
    "proof-of-booking": (
        "ਮੈਂ ਆਪਣੀ ਰਿਹਾਈ ਦੀਆਂ ਸ਼ਰਤਾਂ ਪੂਰੀਆਂ ਕਰਨ ਦੀ ਕੋਸ਼ਿਸ਼ ਕੀਤੀ, ਕੀ ਇਹ ਦਿਖਾਉਣ ਦਾ ਕੋਈ ਤਰੀਕਾ ਹੈ?",
        "ਹਾਂ। ਬੁੱਕ ਕਰਨ ਤੋਂ ਬਾਅਦ ਅਪੌਇੰਟਮੈਂਟ ਦੀ ਜਾਣਕਾਰੀ ਪ੍ਰਿੰਟ ਕਰੋ, ਆਪਣੀ ਈਮੇਲ ਜਾਂ ਫ਼ੋਨ 'ਤੇ ਭੇਜੋ, "
        "ਜਾਂ ਆਪਣੇ ਕੈਲੰਡਰ ਵਿੱਚ ਜੋੜੋ। ਉਸਨੂੰ ਅਜਿਹੀ ਥਾਂ ਰੱਖੋ ਜਿੱਥੇ ਉਹ ਤੁਹਾਨੂੰ ਆਸਾਨੀ ਨਾਲ ਲੱਭ ਜਾਵੇ।",
    ),
    "what-to-bring": (
        "ਮੈਨੂੰ ਆਪਣੇ ਚੈੱਕ-ਇਨ 'ਤੇ ਕੀ ਲੈ ਕੇ ਆਉਣਾ ਚਾਹੀਦਾ ਹੈ?",
        "ਆਪਣੇ ਰਿਹਾਈ ਦੇ ਕਾਗਜ਼ ਅਤੇ ਆਪਣਾ ਪੁਸ਼ਟੀ ਨੰਬਰ ਨਾਲ ਲਿਆਓ। ਜੇ ਤੁਹਾਡੇ ਕੋਲ ਪਾਸਪੋਰਟ ਜਾਂ ਕੋਈ ਹੋਰ "
        "ਪਛਾਣ ਪੱਤਰ ਹੈ, ਤਾਂ ਉਹ ਵੀ ਲਿਆਓ।",
    ),
    "papers-kept": (
        "ਇੱਕ ਦਫ਼ਤਰ ਨੇ ਮੇਰਾ ਪਾਸਪੋਰਟ ਜਾਂ ਹੋਰ ਕਾਗਜ਼ ਰੱਖ ਲਏ। ਕੀ ਮੈਨੂੰ ਉਹ ਵਾਪਸ ਮਿਲ ਸਕਦੇ ਹਨ?",
        "ਆਪਣੀ ਚੈੱਕ-ਇਨ ਅਪੌਇੰਟਮੈਂਟ 'ਤੇ ਪੁੱਛੋ। ਅਫ਼ਸਰ ਤੁਹਾਡੀ ਅਰਜ਼ੀ ਦੇਖਣਗੇ ਅਤੇ ਫ਼ੈਸਲਾ ਕਰਨਗੇ ਕਿ ਉਹ "
        "ਤੁਹਾਨੂੰ ਹੁਣੇ ਵਾਪਸ ਦਿੱਤੇ ਜਾ ਸਕਦੇ ਹਨ ਜਾਂ ਉਹਨਾਂ ਨੂੰ ਹੋਰ ਸਮਾਂ ਰੱਖਣਾ ਪਵੇਗਾ।",
    ),
    "i-moved": (
        "ਮੈਂ ਘਰ ਬਦਲ ਲਿਆ ਹੈ। ਮੈਂ ICE ਨੂੰ ਕਿਵੇਂ ਦੱਸਾਂ?",
        "ਘਰ ਬਦਲਣ ਤੋਂ 5 ਦਿਨਾਂ ਦੇ ਅੰਦਰ ICE ਨੂੰ ਦੱਸੋ। ਸਾਈਨ ਇਨ ਕਰਨ ਤੋਂ ਬਾਅਦ ਤੁਸੀਂ ਇਸ ਵੈੱਬਸਾਈਟ 'ਤੇ "
        "ਆਪਣਾ ਨਵਾਂ ਪਤਾ ਭੇਜ ਸਕਦੇ ਹੋ। ਤੁਸੀਂ ICE ਦੀ ਹੈਲਪਲਾਈਨ 1-833-383-1465 'ਤੇ ਵੀ ਫ਼ੋਨ ਕਰ ਸਕਦੇ "
        "ਹੋ, ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ, ਸਵੇਰੇ 8 ਵਜੇ ਤੋਂ ਰਾਤ 8 ਵਜੇ ਤੱਕ, ਈਸਟਰਨ ਟਾਈਮ (Eastern Time)।",
    ),
    "other-agencies": (
        "ਹੋਰ ਕਿਹੜੇ ਦਫ਼ਤਰਾਂ ਨੂੰ ਮੇਰਾ ਨਵਾਂ ਪਤਾ ਚਾਹੀਦਾ ਹੈ?",
        "ਇਹ ਇਸ ਗੱਲ 'ਤੇ ਨਿਰਭਰ ਕਰਦਾ ਹੈ ਕਿ ਤੁਹਾਡੀ ਰਿਹਾਈ ਕਿਵੇਂ ਹੋਈ:\n"
        "- ਹਾਜ਼ਰ ਹੋਣ ਦਾ ਨੋਟਿਸ (Form I-862): ICE ਅਤੇ ਇਮੀਗ੍ਰੇਸ਼ਨ ਅਦਾਲਤ (EOIR)।\n"
        "- ਤੁਰੰਤ ਕੱਢੇ ਜਾਣ ਦਾ ਹੁਕਮ (Form I-860): ICE ਅਤੇ USCIS।\n"
        "- ਹਿਰਾਸਤ ਦੇ ਬਦਲਾਂ ਦੇ ਨਾਲ ਪੈਰੋਲ: ICE, ਅਤੇ ਜੇ ਤੁਸੀਂ ਵਰਕ ਪਰਮਿਟ ਮੰਗਿਆ ਸੀ ਤਾਂ USCIS ਵੀ।\n"
        "- ਰਿਪੋਰਟ ਕਰਨ ਦਾ ਨੋਟਿਸ (Form I-385): ICE।\n\n"
        "ਜੇ ਤੁਸੀਂ USCIS ਤੋਂ ਕ੍ਰੈਡੀਬਲ ਫ਼ੀਅਰ ਇੰਟਰਵਿਊ (ਡਰ ਬਾਰੇ ਇੰਟਰਵਿਊ) ਮੰਗਿਆ ਸੀ, ਤਾਂ USCIS ਨੂੰ "
        "ਵੀ ਦੱਸੋ। ਕੋਸ਼ਿਸ਼ ਕਰੋ ਕਿ ਘਰ ਬਦਲਣ ਤੋਂ 5 ਕੰਮਕਾਜੀ ਦਿਨਾਂ ਦੇ ਅੰਦਰ ਇਹ ਸਾਰਾ ਕੰਮ ਪੂਰਾ ਹੋ ਜਾਵੇ।",
    ),
    "post-office": (
        "ਕੀ ਮੈਨੂੰ ਡਾਕਖ਼ਾਨੇ ਨੂੰ ਦੱਸਣਾ ਚਾਹੀਦਾ ਹੈ?",
        "ਹਾਂ। ਅਮਰੀਕੀ ਡਾਕ ਸੇਵਾ (USPS) ਕੋਲ ਪਤਾ ਬਦਲਣ ਦੀ ਬੇਨਤੀ ਭਰੋ, ਤਾਂ ਜੋ ਤੁਹਾਡੇ ਪੁਰਾਣੇ ਪਤੇ 'ਤੇ "
        "ਭੇਜੀਆਂ ਚਿੱਠੀਆਂ ਤੁਹਾਡੇ ਤੱਕ ਪਹੁੰਚਣ।",
    ),
    "move-often": (
        "ਮੈਨੂੰ ਵਾਰ-ਵਾਰ ਘਰ ਬਦਲਣਾ ਪੈਂਦਾ ਹੈ। ਕੀ ਮੈਨੂੰ ਹਰ ਵਾਰ ਆਪਣਾ ਪਤਾ ਅੱਪਡੇਟ ਕਰਨਾ ਪਵੇਗਾ?",
        "ਹਾਂ, ਹਰ ਵਾਰ। ਜੇ ਕੋਈ ਅਜਿਹੀ ਥਾਂ ਹੈ ਜਿੱਥੇ ਤੁਹਾਡੀ ਡਾਕ ਹਮੇਸ਼ਾ ਪਹੁੰਚਦੀ ਹੈ, ਜਿਵੇਂ ਤੁਹਾਡੇ "
        "ਵਕੀਲ ਦਾ ਦਫ਼ਤਰ, ਤਾਂ ਤੁਸੀਂ ਉਸਦੀ ਥਾਂ ਉਹ ਪਤਾ ਦੇ ਸਕਦੇ ਹੋ, ਭਾਵੇਂ ਤੁਸੀਂ ਉੱਥੇ ਨਾ ਰਹਿੰਦੇ ਹੋਵੋ।",
    ),
    "address-used-without-permission": (
        "ਮੈਂ ਵਕੀਲ ਹਾਂ ਜਾਂ ਕਿਸੇ ਸਹਾਇਤਾ ਸੰਸਥਾ ਤੋਂ ਹਾਂ, ਅਤੇ ਮੇਰੀ ਇਜਾਜ਼ਤ ਤੋਂ ਬਿਨਾਂ ਮੇਰਾ ਪਤਾ ਕਿਸੇ "
        "ਹੋਰ ਦੇ ਹਾਜ਼ਰ ਹੋਣ ਦੇ ਨੋਟਿਸ (Notice to Appear) 'ਤੇ ਪਾ ਦਿੱਤਾ ਗਿਆ। ਮੈਨੂੰ ਕੀ ਕਰਨਾ ਚਾਹੀਦਾ ਹੈ?",
        "ICE ਦੇ ਪ੍ਰਿੰਸੀਪਲ ਲੀਗਲ ਐਡਵਾਈਜ਼ਰ ਦੇ ਦਫ਼ਤਰ (OPLA) ਦੀ ਸਭ ਤੋਂ ਨੇੜੇ ਦੀ ਸਥਾਨਕ ਸ਼ਾਖਾ ਨਾਲ ਸੰਪਰਕ "
        "ਕਰੋ ਅਤੇ ਉਹਨਾਂ ਨੂੰ ਦੱਸੋ ਕਿ ਤੁਸੀਂ ਕੀ ਜਾਣਦੇ ਹੋ।",
    ),
}

TR = {
    "do-i-need-to-book": (
        "Kontrol için randevu almam gerekiyor mu?",
        "Şu durumlarda randevu alın:\n"
        "- tahliye belgelerinizde kontrolünüz için bir tarih, saat ve ofis yazmıyorsa veya\n"
        "- belgelerinizde bir tarih yazıyor ama o gün gidemiyorsanız.\n\n"
        "Şu durumlarda randevu almanız gerekmez:\n"
        "- belgelerinizde zaten bir tarih, saat ve ofis yazıyorsa ve gidebiliyorsanız. "
        "Artık başka bir şehirde yaşıyorsanız, aynı gün size yakın bir ofise gidin.\n"
        "- daha önce bir kontrole gittiyseniz. O ziyarette memurun size söylediğini yapın.\n"
        "- sadece adresinizi değiştirmeniz gerekiyorsa. Aşağıdaki “Adresinizi değiştirme” "
        "bölümüne bakın.",
    ),
    "how-to-book": (
        "İnternetten nasıl randevu alırım?",
        "Tahliye belgelerinizi yanınızda bulundurun. Sonra:\n"
        "- dilinizi seçin;\n"
        "- Subject ID'yi yazın, belgelerinizde yazan doğum ülkesini seçin ve robot olmadığınızı gösterin;\n"
        "- adresinizi, şehrinizi, eyaletinizi veya ZIP kodunuzu (posta kodu) yazın ve en yakın "
        "üç ofisten birini seçin;\n"
        "- bir saat seçin (en erkeni en iyisidir), bilgileri kontrol edin ve Onayla'ya basın;\n"
        "- onay numarasını saklayın: yazdırın, kendinize gönderin veya bir yere yazın;\n"
        "- işiniz bitince Oturumu Kapat'a basın.",
    ),
    "later-than-my-papers": (
        "İlk boş saat, belgelerimdeki tarihten sonra. Bu bir sorun mu?",
        "Hayır. Bulabildiğiniz en erken saate randevu alın. Randevu almak, belgelerinizdeki "
        "tarihten haftalar, hatta aylar sonra olsa bile serbest bırakılma koşullarınızı yerine "
        "getirir. Bazı yerlerde ilk boş saat bir yıl sonra olabilir.",
    ),
    "after-parole-ends": (
        "İlk boş saat, şartlı serbestliğim (parole) bittikten sonra. Ne yapmalıyım?",
        "Yine de en erken saate randevu alın. Bu, serbest bırakılma koşullarınızı yerine getirir. "
        "Randevuda şartlı serbestliğiniz için ek süre isteyebilirsiniz.\n\n"
        "Şartlı serbestliğinizle ilgili diğer sorular için bir avukat size yardım edebilir. "
        "Göçmenlik mahkemeleri sistemi (EOIR), ücretsiz ve düşük ücretli hukuki hizmetlerin bir "
        "listesini tutar.",
    ),
    "see-move-cancel": (
        "Randevumu nasıl görür, değiştirir veya iptal ederim?",
        "Subject ID ve doğum ülkesiyle tekrar giriş yapın. Kontrol sayfanızda randevunuz görünür; "
        "onu başka bir güne almak veya iptal etmek için düğmeler vardır. Her değişiklik "
        "kaydedilmeden önce sizden onay ister.",
    ),
    "other-time-same-day": (
        "Randevu saatimde orada olamıyorum. Başka bir saatte gelebilir miyim?",
        "Evet, aynı gün. Aynı tarihte, ofis açıkken başka bir saatte aynı ofise giderseniz serbest "
        "bırakılma koşullarınızı yine yerine getirirsiniz. Tarihi değiştirmek için randevunuzu "
        "internetten değiştirin.",
    ),
    "no-call-needed": (
        "Randevu almak için aramam veya bir ofise gitmem gerekir mi?",
        "Hayır. Telefondan, tabletten veya bilgisayardan randevu alabilirsiniz. Lütfen randevusuz "
        "bir ofise gitmeyin.",
    ),
    "where-are-my-details": (
        "Kontrolümün tarihini ve ofisini nerede bulurum?",
        "Serbest bırakıldığınızda bir kontrol belirlendiyse, belgelerinizde yazılıdır: Hâkim "
        "Karşısına Çıkma Bildirimi (Notice to Appear) aldıysanız Kendi Taahhüdüyle Serbest "
        "Bırakılma Kararı'nda (Form I-220A), diğer durumlarda ise Çağrı Mektubu'nda (Form G-56). "
        "Bazı belgelerde tarih yoktur. Sizinkilerde yoksa internetten randevu alın.",
    ),
    "walk-in": (
        "Randevusuz bir ofise gidebilir miyim?",
        "Lütfen önce randevu alın. İnternetten randevu almak, ilk boş saat belgelerinizde yazan "
        "saatten sonra olsa bile serbest bırakılma koşullarınızı yerine getirir.",
    ),
    "proof-of-booking": (
        "Serbest bırakılma koşullarımı yerine getirmeye çalıştığımı gösterebilir miyim?",
        "Evet. Randevu aldıktan sonra randevu bilgilerini yazdırın, e-postanıza veya telefonunuza "
        "gönderin ya da takviminize ekleyin. Bunları kolayca bulabileceğiniz bir yerde saklayın.",
    ),
    "what-to-bring": (
        "Kontrole ne getirmeliyim?",
        "Tahliye belgelerinizi ve onay numaranızı getirin. Pasaportunuz veya başka bir kimlik "
        "belgeniz varsa onu da getirin.",
    ),
    "papers-kept": (
        "Bir ofis pasaportumu veya başka belgelerimi aldı. Bunları geri alabilir miyim?",
        "Kontrol randevunuzda sorun. Memur talebinize bakacak ve belgelerin size şimdi geri "
        "verilip verilemeyeceğine ya da daha uzun süre tutulması gerekip gerekmediğine karar verecektir.",
    ),
    "i-moved": (
        "Taşındım. ICE'ye nasıl bildiririm?",
        "Taşındıktan sonraki 5 gün içinde ICE'ye bildirin. Giriş yaptıktan sonra yeni adresinizi "
        "bu siteden gönderebilirsiniz. ICE yardım hattını da 1-833-383-1465 numarasından "
        "arayabilirsiniz: pazartesiden cumaya, Doğu Saati'yle (Eastern Time) sabah 8'den akşam "
        "8'e kadar.",
    ),
    "other-agencies": (
        "Yeni adresime başka hangi kurumların ihtiyacı var?",
        "Nasıl serbest bırakıldığınıza bağlıdır:\n"
        "- Hâkim Karşısına Çıkma Bildirimi (Notice to Appear, Form I-862): ICE ve göçmenlik "
        "mahkemesi (EOIR).\n"
        "- Hızlandırılmış Sınır Dışı Etme (Form I-860): ICE ve USCIS.\n"
        "- Gözaltına Alternatifler ile şartlı serbestlik (parole): ICE ve çalışma izni "
        "istediyseniz USCIS de.\n"
        "- Bildirimde Bulunma Çağrısı (Notice to Report, Form I-385): ICE.\n\n"
        "USCIS'ten inandırıcı korku görüşmesi (credible fear interview) istediyseniz USCIS'e de "
        "bildirin. Hepsini taşındıktan sonraki 5 iş günü içinde bitirmeye çalışın.",
    ),
    "post-office": (
        "Postaneye bildirmeli miyim?",
        "Evet. ABD Posta Servisi'ne (USPS) adres değişikliği başvurusu yapın; böylece eski "
        "adresinize gönderilen mektuplar size ulaşır.",
    ),
    "move-often": (
        "Çok sık taşınıyorum. Adresimi her seferinde güncellemem gerekir mi?",
        "Evet, her seferinde. Postanızın her zaman ulaştığı bir yer varsa (örneğin avukatınızın "
        "bürosu), orada yaşamasanız bile bunun yerine o adresi verebilirsiniz.",
    ),
    "address-used-without-permission": (
        "Avukatım veya bir yardım kuruluşundanım ve adresim iznim olmadan başka birinin Hâkim "
        "Karşısına Çıkma Bildirimi'ne yazılmış. Ne yapabilirim?",
        "ICE'nin Baş Hukuk Danışmanlığı Ofisi'nin (OPLA) en yakın yerel birimiyle iletişime geçin "
        "ve bildiklerinizi anlatın.",
    ),
}

# Field suffix (modeltranslation's build_localized_fieldname) -> texts.
TRANSLATIONS = {
    "pt_br": PT_BR,
    "fr": FR,
    "ht": HT,
    "zh_hans": ZH_HANS,
    "ru": RU,
    "ar": AR,
    "fa": FA,
    "hi": HI,
    "pa": PA,
    "tr": TR,
}


def _planned_values(slug):
    """(field name, text) for every translated field this migration writes for ``slug``."""
    for suffix, texts in TRANSLATIONS.items():
        if slug in texts:
            question, answer = texts[slug]
            yield f"question_{suffix}", question
            yield f"answer_{suffix}", answer


def _slugs():
    return sorted({slug for texts in TRANSLATIONS.values() for slug in texts})


def fill(apps, schema_editor):
    FaqEntry = apps.get_model("checkin_portal", "FaqEntry")
    for entry in FaqEntry.objects.filter(slug__in=_slugs()):
        changed = []
        for field, text in _planned_values(entry.slug):
            if not (getattr(entry, field) or "").strip():
                setattr(entry, field, text)
                changed.append(field)
        if changed:
            entry.save(update_fields=changed)


def unfill(apps, schema_editor):
    """Clear only what this migration wrote and nobody has edited since."""
    FaqEntry = apps.get_model("checkin_portal", "FaqEntry")
    for entry in FaqEntry.objects.filter(slug__in=_slugs()):
        changed = []
        for field, text in _planned_values(entry.slug):
            if getattr(entry, field) == text:
                setattr(entry, field, None)
                changed.append(field)
        if changed:
            entry.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("checkin_portal", "0003_twelve_languages")]
    operations = [migrations.RunPython(fill, unfill)]
