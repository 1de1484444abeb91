"""Word lists of the speaker-mention rules: pronouns and the nouns that head a speaker."""

from __future__ import annotations

from nkquotes._sentences import wordset

__all__ = ["PRONOUNS", "SPEAKER_NOUNS"]

PRONOUNS = wordset("he she they it we i you He She They It We I You")
#: Lowercase nouns that can head a speaker description (people, bodies, documents, media).
SPEAKER_NOUNS = wordset("""
    official officials spokesman spokeswoman spokesperson spokespeople spokesmen minister
    ministers ministry secretary president leader leaders expert experts analyst analysts
    diplomat diplomats source sources aide aides lawmaker lawmakers legislator legislators
    statement statements report reports agency agencies media government governments
    administration department office observer observers critic critics people resident
    residents envoy envoys ambassador ambassadors chairman chairwoman chair chief head
    director committee council panel commission group groups organization organisation
    company firm campaign candidate nominee senator senators governor representative
    congressman congresswoman member members researcher researchers professor scholar
    scholars fellow adviser advisers advisor advisors military army navy regime party
    newspaper paper outlet network broadcaster channel site website editorial letter
    document documents resolution communique declaration note message post tweet
    spokesperson's union association officer officers commander commanders general admiral
    negotiator negotiators delegation delegate delegates mission team staff staffer
    staffers prosecutor prosecutors judge court lawyer lawyers attorney attorneys witness
    witnesses voter voters supporter supporters opponent opponents activist activists
    insider insiders person man woman men women nation country countries state states
    authorities authority police investigators investigator study survey poll polls
    economist economists strategist strategists pollster pollsters consultant consultants
    executive executives ceo founder operative operatives insiders worker workers doctor
    doctors physician scientist scientists engineer engineers official's premier
    king queen prince chancellor mayor speaker whip counsel counselor counsellor
    coordinator manager director-general secretary-general under-secretary deputy
    vice-president vice watchdog monitor monitors agency's bureau service ministry's
    foreign defense defence unification house percent majority majorities plurality half
    third thirds quarter quarters respondents participants fans speakers friend friends
    relatives family neighbor neighbors neighbour students parents veterans protesters
    demonstrators attendees viewers readers users caller callers host moderator anchor
    narrator announcer author writer columnist editor reporter correspondent journalist
    commissioner commissioners
    journalists historian pastor priest bishop pope rabbi imam cleric owner owners employee
    employees victim victims survivor survivors mother father wife husband son daughter
    brother sister colleague colleagues partner partners ally allies rival rivals
    challenger incumbent contender frontrunner front-runner hopeful hopefuls billionaire
    businessman businesswoman mogul star actor actress singer comedian celebrity sheriff
    democrat democrats republican republicans conservative conservatives liberal liberals
    progressives independents evangelicals crowd audience jury justices filing complaint
    lawsuit suit indictment memo email emails release ad advertisement book story piece
    blog account transcript platform bill ruling decision guidance analysis data figures
    numbers estimates projections forecast models model researchers scientists agencies
    spokespersons candidates nominees governors mayors senators representatives leadership
    director directors manager managers chairman chairmen co-founder founder president's
    advocate advocates backers proponents organizers organisers aide spokespeople
    newspapers outlets networks sites polls surveys pollsters
    """)
