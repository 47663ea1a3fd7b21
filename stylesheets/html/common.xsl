<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl: HTML templates every document kind shares: inline text, blocks, tables, the page skeleton. -->
<!--
  Reads a compiled tree (source namespace urn:csdoc:1, prefix s; compiled
  additions urn:csdoc:compiled:1, prefix c) and prints what it says: every
  name, date, label and figure comes from a c: attribute, never from
  arithmetic here.  Rules kept throughout:
  - no disable-output-escaping, no source text in <script> or <style>;
  - s:a/@href is copied as is (csdoc has already refused other schemes);
  - every table sits in a scrolling region that a keyboard can reach.
  A kind's stylesheet imports this one and may override the named
  templates marked "override".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <!-- doctype-system about:legacy-compat makes libxslt write <!DOCTYPE html>.
       The charset is declared by the http-equiv meta in the page template:
       libxml2's HTML writer adds that form itself unless it is present, and
       a second, <meta charset>, declaration would be a validation error. -->
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"
      indent="no"/>

  <!-- Source elements whose content is elements only: their whitespace is
       layout, not text. Mixed content (p, li, cell, decisions) is kept. -->
  <xsl:strip-space elements="s:registry s:attendance s:present s:apologies
      s:in-attendance s:observers s:table s:row s:ul s:ol s:quote
      s:action-updates s:carried s:declarations c:register
      s:footnotes s:placeholder"/>

  <!-- A paper rendered as part of a meeting pack: the agenda page's
       relative URL and the pack's name, for a link back at the top of the
       page (see "page").  Empty: a page of its own, no link. -->
  <xsl:param name="pack-home" select="''"/>
  <xsl:param name="pack-title" select="''"/>
  <!-- In a meeting pack: the pack's one PDF, which holds this paper
       (csdoc writes no PDF of the paper alone beside its page). -->
  <xsl:param name="pack-pdf" select="''"/>

  <!-- The first citation of each footnote. -->
  <xsl:key name="fn-first" match="s:fn[@c:first = 'yes']" use="@c:target"/>
  <!-- Uncaptioned tables by their first column heading: the only tables
       table-label must compare with, found without a walk of the whole
       document per table (a document of thousands of tables). -->
  <xsl:key name="uncaptioned-by-first-column" match="s:table[not(s:caption)]"
      use="normalize-space(s:column[normalize-space(.) != ''][1])"/>
  <!-- A chart's table by its id, for the same reason. -->
  <xsl:key name="table-by-id" match="s:table" use="@id"/>

  <!-- ============================================================ page -->

  <!-- A web team's banner and footer around every page: empty here;
       the wrap option of csdoc site supplies its own templates of these names. -->
  <xsl:template name="site-header"/>
  <xsl:template name="site-footer"/>

  <!-- The page skeleton. title: the <title> text; header, content: result
       fragments for the page header and <main>; body-class: classes on <body>. -->
  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="lang" select="'en-GB'"/>
    <xsl:param name="body-class"/>
    <xsl:param name="header"/>
    <xsl:param name="content"/>
    <xsl:param name="footer"/>
    <html lang="{$lang}">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:if test="/*/@c:generator">
          <meta name="generator" content="{/*/@c:generator}"/>
        </xsl:if>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="csdoc.css"/>
      </head>
      <body>
        <xsl:if test="string($body-class) != ''">
          <xsl:attribute name="class"><xsl:value-of select="$body-class"/></xsl:attribute>
        </xsl:if>
        <a class="skip-link" href="#content">Skip to content</a>
        <xsl:call-template name="site-header"/>
        <xsl:if test="string($pack-home) != ''">
          <nav class="pack-nav" aria-label="Meeting pack">
            <a>
              <xsl:attribute name="href">
                <!-- a relative URL: "./" keeps a colon in its first
                     segment from reading as a scheme -->
                <xsl:if test="contains(substring-before(concat($pack-home, '/'), '/'), ':')">./</xsl:if>
                <xsl:value-of select="$pack-home"/>
              </xsl:attribute>
              <xsl:text>Back to the agenda</xsl:text>
              <xsl:if test="string($pack-title) != ''">
                <xsl:text>: </xsl:text>
                <xsl:value-of select="$pack-title"/>
              </xsl:if>
            </a>
          </nav>
        </xsl:if>
        <header class="doc-header">
          <xsl:copy-of select="$header"/>
        </header>
        <main id="content">
          <xsl:copy-of select="$content"/>
        </main>
        <footer class="doc-footer">
          <xsl:copy-of select="$footer"/>
        </footer>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- The PDF csdoc writes beside the page: NAME.pdf for NAME.xml.  "./"
       keeps a file name with a colon from reading as a scheme, and the
       characters that would end a path in a URL are escaped. -->
  <xsl:variable name="pdf-href">
    <xsl:variable name="src" select="/*/@c:source"/>
    <xsl:variable name="stem">
      <xsl:choose>
        <xsl:when test="substring($src, string-length($src) - 3) = '.xml' and string-length($src) &gt; 4">
          <xsl:value-of select="substring($src, 1, string-length($src) - 4)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$src"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($pack-pdf) != ''">
        <xsl:if test="contains(substring-before(concat($pack-pdf, '/'), '/'), ':')">./</xsl:if>
        <xsl:value-of select="$pack-pdf"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>./</xsl:text>
        <xsl:call-template name="escape-path">
          <xsl:with-param name="s" select="$stem"/>
        </xsl:call-template>
        <xsl:text>.pdf</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- % # ? escaped; the HTML writer escapes spaces and non-ASCII itself. -->
  <xsl:template name="escape-path">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '%') or contains($s, '#') or contains($s, '?')">
        <xsl:variable name="c" select="substring(translate($s, translate($s, '%#?', ''), ''), 1, 1)"/>
        <xsl:value-of select="substring-before($s, $c)"/>
        <xsl:choose>
          <xsl:when test="$c = '%'">%25</xsl:when>
          <xsl:when test="$c = '#'">%23</xsl:when>
          <xsl:otherwise>%3F</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="escape-path">
          <xsl:with-param name="s" select="substring-after($s, $c)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A scrolling region for a wide table: focusable so that a keyboard can
       scroll it, named by the table's caption (label-id) or by label. -->
  <xsl:template name="table-region">
    <xsl:param name="label-id"/>
    <xsl:param name="label"/>
    <xsl:param name="content"/>
    <div class="table-wrap" role="region" tabindex="0">
      <xsl:choose>
        <xsl:when test="string($label-id) != ''">
          <xsl:attribute name="aria-labelledby"><xsl:value-of select="$label-id"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="aria-label"><xsl:value-of select="$label"/></xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:copy-of select="$content"/>
    </div>
  </xsl:template>

  <!-- Copies the element's id onto the element being written: csdoc's
       c:id where it gave one (cross-references and the contents link to
       it), else the author's id. -->
  <xsl:template name="copy-id">
    <xsl:choose>
      <xsl:when test="@c:id">
        <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
      </xsl:when>
      <xsl:when test="@id">
        <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A caption for a table csdoc may have numbered: "Table 2: words".
       caption-id: the id the table's region is named by; fallback: the
       words when the author wrote no caption, so that every table still
       has a name. -->
  <xsl:template name="table-caption">
    <xsl:param name="caption-id"/>
    <xsl:param name="fallback"/>
    <caption id="{$caption-id}">
      <xsl:choose>
        <xsl:when test="s:caption">
          <xsl:call-template name="caption-label"/>
          <xsl:apply-templates select="s:caption/node()"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$fallback"/></xsl:otherwise>
      </xsl:choose>
    </caption>
  </xsl:template>

  <!-- "Table 2: ", "Chart 1: " before a caption csdoc numbered. -->
  <xsl:template name="caption-label">
    <xsl:if test="@c:label">
      <span class="caption-label">
        <xsl:value-of select="@c:label"/>
        <xsl:text>:</xsl:text>
      </span>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ board papers -->

  <!-- Whether the document is a draft (a kind may say it its own way). -->
  <xsl:variable name="draft" select="/*/@c:status = 'draft'"/>

  <!-- The board paper's header (performance reports, reports; the context
       is the root): the board it goes to, the title, then the paper's own
       table of who wrote it, what is attached, what the board is asked to
       do (ACTION-LABEL names it) and when it meets, and the PDF. -->
  <xsl:template name="board-paper">
    <xsl:param name="action-label" select="'Action'"/>
    <xsl:variable name="h" select="s:report-header"/>
    <xsl:if test="$draft">
      <p class="draft-banner"><strong>Draft</strong> – this report is not yet final.</p>
    </xsl:if>
    <p class="doc-kicker"><xsl:value-of select="@c:body"/></p>
    <h1><xsl:value-of select="@c:title"/></h1>
    <dl class="doc-meta board-paper">
      <div>
        <dt>Report to</dt>
        <dd><xsl:value-of select="@c:body"/></dd>
      </div>
      <xsl:if test="@c:date-display">
        <div>
          <dt>Date</dt>
          <dd><time datetime="{$h/s:date}"><xsl:value-of select="@c:date-display"/></time></dd>
        </div>
      </xsl:if>
      <xsl:if test="$h/s:written-by">
        <div>
          <dt>Report written by</dt>
          <dd><xsl:apply-templates select="$h/s:written-by/node()"/></dd>
        </div>
      </xsl:if>
      <xsl:if test="$h/s:attached">
        <div>
          <dt>Attached</dt>
          <xsl:for-each select="$h/s:attached">
            <dd><xsl:apply-templates/></dd>
          </xsl:for-each>
        </div>
      </xsl:if>
      <xsl:if test="$h/s:action">
        <div>
          <dt><xsl:value-of select="$action-label"/></dt>
          <dd><xsl:apply-templates select="$h/s:action/node()"/></dd>
        </div>
      </xsl:if>
      <div>
        <dt>Print version</dt>
        <dd><a href="{$pdf-href}" type="application/pdf">Download the PDF</a></dd>
      </div>
    </dl>
  </xsl:template>

  <!-- ============================================================ inline -->

  <xsl:template match="s:em"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="s:strong"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="s:u"><span class="u"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="s:sup"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="s:sub"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="s:br"><br/></xsl:template>

  <xsl:template match="s:a">
    <a href="{@href}"><xsl:apply-templates/></a>
  </xsl:template>

  <!-- A footnote citation: its mark, linked to the note in the Notes list
       (whose id is the footnote's, the same anchor cross-references use).
       The first citation's id is the one the note links back to; a later
       citation of the same note gets an id of its own so ids stay unique.
       Inside a link it cannot be a link itself. -->
  <xsl:template match="s:fn">
    <sup class="fnref">
      <!-- two marks in a row ("1,2") must not read as one ("12") -->
      <xsl:if test="preceding-sibling::node()[1][self::s:fn]">,</xsl:if>
      <xsl:choose>
        <xsl:when test="ancestor::s:a">
          <xsl:value-of select="@c:mark"/>
        </xsl:when>
        <xsl:otherwise>
          <a href="#{@c:target}">
            <xsl:attribute name="id">
              <xsl:text>fnref-</xsl:text>
              <xsl:value-of select="@c:target"/>
              <xsl:if test="not(@c:first = 'yes')">
                <xsl:value-of select="concat('-', generate-id())"/>
              </xsl:if>
            </xsl:attribute>
            <!-- a bare "1" or "**" says nothing when read aloud -->
            <span class="visually-hidden">Note </span>
            <xsl:value-of select="@c:mark"/>
          </a>
        </xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- A cross-reference: csdoc's words for what it names ("Table 2",
       "Section Eight"), linked to it.  The HTML has no pages, so
       form="page" and form="both" print the words too. -->
  <xsl:template match="s:xref">
    <xsl:choose>
      <xsl:when test="ancestor::s:a or not(@c:target)">
        <xsl:value-of select="@c:text"/>
      </xsl:when>
      <xsl:otherwise>
        <a class="xref" href="#{@c:target}"><xsl:value-of select="@c:text"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A quotation in running text; the speaker, when named, follows it. -->
  <xsl:template match="s:q">
    <q><xsl:apply-templates/></q>
    <xsl:if test="@c:by-name">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="@c:by-name"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A person, organisation or group: csdoc chose the words for its form. -->
  <xsl:template match="s:name">
    <xsl:value-of select="@c:display"/>
  </xsl:template>

  <xsl:template match="s:date">
    <time datetime="{@when}"><xsl:value-of select="@c:display"/></time>
  </xsl:template>

  <!-- A figure: what csdoc decided to print, with its exact value for machines. -->
  <xsl:template match="s:figure">
    <data value="{@c:value}">
      <!-- only csdoc's ids (the sums it adds up, such as an activity's
           resources): authors' figure ids name figures for formulas -->
      <xsl:if test="@c:id">
        <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="@c:display"/>
    </data>
  </xsl:template>

  <!-- An abbreviation carries the expansion csdoc found for it. -->
  <xsl:template match="s:abbr">
    <abbr>
      <xsl:if test="@c:title">
        <xsl:attribute name="title"><xsl:value-of select="@c:title"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </abbr>
  </xsl:template>

  <!-- A picture: csdoc copies its file beside the page. -->
  <xsl:template match="s:image">
    <xsl:variable name="w" select="round(@width-mm * 96 div 25.4)"/>
    <p class="image image-{@align}">
      <img src="{@c:file}" alt="{@alt}" width="{$w}" height="{round($w * @c:pixel-height div @c:pixel-width)}">
        <xsl:call-template name="copy-id"/>
      </img>
    </p>
  </xsl:template>

  <!-- The glossary: every declared abbreviation and its expansion.
       title: the heading's words (a kind may call it "Glossary"). -->
  <xsl:template match="s:glossary">
    <xsl:param name="title" select="'Abbreviations'"/>
    <section class="glossary unnumbered" id="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title"><xsl:value-of select="$title"/></h2>
      <dl>
        <xsl:for-each select="s:term">
          <xsl:sort select="@abbr"/>
          <dt><abbr title="{normalize-space(.)}"><xsl:value-of select="@abbr"/></abbr></dt>
          <dd><xsl:value-of select="normalize-space(.)"/></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- ============================================================ blocks -->

  <xsl:template match="s:p">
    <p><xsl:call-template name="copy-id"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- override: the rank (2-6) of the heading that opens the section the
       context node is in; s:heading prints one rank below it. -->
  <xsl:template name="section-rank">
    <xsl:value-of select="1"/>
  </xsl:template>

  <!-- A sub-heading inside a section ("Police:", "Green"). -->
  <xsl:template match="s:heading">
    <xsl:variable name="rank">
      <xsl:call-template name="section-rank"/>
    </xsl:variable>
    <xsl:variable name="h">
      <xsl:choose>
        <xsl:when test="$rank &gt;= 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$rank + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$h}">
      <xsl:attribute name="class">subheading</xsl:attribute>
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="s:quote">
    <figure class="quote">
      <xsl:call-template name="copy-id"/>
      <blockquote><xsl:apply-templates select="s:p"/></blockquote>
      <!-- "— Pam Challis, Chair of Essex Partnership Forum, Essex
           Strategy, April 2008": who said it, their post, where. -->
      <xsl:if test="@c:by-name or @source">
        <figcaption>
          <xsl:text>— </xsl:text>
          <xsl:value-of select="@c:by-name"/>
          <xsl:if test="@c:by-name and @c:by-post">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:by-post"/>
          </xsl:if>
          <xsl:if test="@c:by-name and @source">, </xsl:if>
          <xsl:if test="@source">
            <cite><xsl:value-of select="@source"/></cite>
          </xsl:if>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="s:ul">
    <ul><xsl:call-template name="copy-id"/><xsl:apply-templates select="s:li"/></ul>
  </xsl:template>

  <xsl:template match="s:ul/s:li">
    <li><xsl:call-template name="copy-id"/><xsl:apply-templates/></li>
  </xsl:template>

  <!-- Numbered lists print csdoc's labels ("a)", "ii.") in a hanging
       column; the browser's own numbers are switched off in the CSS. -->
  <xsl:template match="s:ol">
    <ol class="labelled"><xsl:call-template name="copy-id"/><xsl:apply-templates select="s:li"/></ol>
  </xsl:template>

  <xsl:template match="s:ol/s:li">
    <li>
      <xsl:call-template name="copy-id"/>
      <span class="label"><xsl:value-of select="@c:label"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- ============================================================ tables -->

  <xsl:template match="s:table">
    <xsl:variable name="caption-id">
      <xsl:if test="s:caption">
        <xsl:value-of select="concat('cap-', generate-id(s:caption))"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="borders">
      <xsl:choose>
        <xsl:when test="@borders"><xsl:value-of select="@borders"/></xsl:when>
        <xsl:otherwise>grid</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="table-region">
      <xsl:with-param name="label-id" select="$caption-id"/>
      <xsl:with-param name="label">
        <xsl:if test="not(s:caption)">
          <xsl:call-template name="table-label"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <table class="data borders-{$borders}">
          <xsl:call-template name="copy-id"/>
          <xsl:if test="s:caption">
            <xsl:call-template name="table-caption">
              <xsl:with-param name="caption-id" select="$caption-id"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="s:column/@width">
            <colgroup>
              <xsl:for-each select="s:column">
                <col>
                  <!-- @width is a schema-checked "NN%", never free text. -->
                  <xsl:if test="@width">
                    <xsl:attribute name="style">width: <xsl:value-of select="@width"/></xsl:attribute>
                  </xsl:if>
                </col>
              </xsl:for-each>
            </colgroup>
          </xsl:if>
          <xsl:if test="not(@headings = 'no')">
            <thead>
              <tr><xsl:apply-templates select="s:column"/></tr>
            </thead>
          </xsl:if>
          <tbody>
            <xsl:apply-templates select="s:row"/>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
      <!-- how csdoc computed the table, where a reader needs to know -->
    <xsl:if test="@c:note">
      <p class="table-note"><xsl:value-of select="@c:note"/></p>
    </xsl:if>
  </xsl:template>

  <!-- The name of an uncaptioned table's region: "Table: " and its
       column headings (the empty ones left out).  A landmark's name must
       tell it from the others, so when another uncaptioned table on the
       page has the same headings, or the table has none, the words of its
       first cell follow ("Table: Post, Police – Partnership Sergeants"). -->
  <xsl:template name="table-label">
    <xsl:variable name="me" select="."/>
    <xsl:variable name="names">
      <xsl:call-template name="column-names"/>
    </xsl:variable>
    <xsl:variable name="twins">
      <xsl:for-each select="key('uncaptioned-by-first-column', normalize-space(s:column[normalize-space(.) != ''][1]))[count(. | $me) = 2]">
        <xsl:variable name="other">
          <xsl:call-template name="column-names"/>
        </xsl:variable>
        <xsl:if test="$other = $names">x</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:text>Table</xsl:text>
    <xsl:if test="$names != ''">
      <xsl:text>: </xsl:text>
      <xsl:value-of select="$names"/>
    </xsl:if>
    <xsl:if test="$twins != '' or $names = ''">
      <xsl:variable name="first">
        <xsl:apply-templates select="s:row[1]/s:cell[1]/node()" mode="flat"/>
      </xsl:variable>
      <xsl:variable name="words" select="normalize-space($first)"/>
      <xsl:if test="$words != ''">
        <xsl:choose>
          <xsl:when test="$names != ''"> – </xsl:when>
          <xsl:otherwise>: </xsl:otherwise>
        </xsl:choose>
        <xsl:choose>
          <xsl:when test="string-length($words) &gt; 60">
            <xsl:value-of select="concat(substring($words, 1, 60), '…')"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="column-names">
    <xsl:for-each select="s:column[normalize-space(.) != '']">
      <xsl:if test="position() != 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A column heading; an empty one is a plain cell, not an empty header. -->
  <xsl:template match="s:column">
    <xsl:choose>
      <xsl:when test="normalize-space(.) = '' and not(*)">
        <td class="blank"/>
      </xsl:when>
      <xsl:otherwise>
        <th scope="col">
          <xsl:if test="@c:align = 'right'">
            <xsl:attribute name="class">num</xsl:attribute>
          </xsl:if>
          <xsl:apply-templates/>
        </th>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:row">
    <tr>
      <xsl:call-template name="copy-id"/>
      <xsl:variable name="class">
        <xsl:if test="@kind = 'total'"> total</xsl:if>
        <xsl:if test="@kind = 'heading'"> heading</xsl:if>
        <xsl:if test="@shade = 'yes'"> shade</xsl:if>
      </xsl:variable>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class"><xsl:value-of select="normalize-space($class)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="s:cell"/>
    </tr>
  </xsl:template>

  <xsl:template match="s:cell">
    <xsl:variable name="class">
      <xsl:if test="@c:align = 'right'"> num</xsl:if>
      <xsl:if test="@shade = 'yes'"> shade</xsl:if>
    </xsl:variable>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@c:header = 'yes'">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:if test="@c:header = 'yes'">
        <xsl:attribute name="scope">
          <xsl:choose>
            <xsl:when test="@colspan &gt; 1">colgroup</xsl:when>
            <xsl:otherwise>row</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@colspan &gt; 1">
        <xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@rowspan &gt; 1">
        <xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class"><xsl:value-of select="normalize-space($class)"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <!-- an empty cell of a figure column shows what csdoc computed -->
        <xsl:when test="@c:fig-id and normalize-space(.) = ''">
          <xsl:value-of select="@c:display"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- ============================================================ charts -->

  <!-- A chart: csdoc drew it once (c:svg, the same shapes as the PDF's,
       titled by its text alternative).  The caption names it, and a link
       leads to the table holding its figures, so the numbers are always
       there as text too. -->
  <xsl:template match="s:chart">
    <xsl:variable name="table" select="key('table-by-id', @data)"/>
    <!-- the table is written with its c:id when csdoc gave one -->
    <xsl:variable name="table-id">
      <xsl:choose>
        <xsl:when test="$table/@c:id"><xsl:value-of select="$table/@c:id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@data"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <figure class="chart">
      <xsl:call-template name="copy-id"/>
      <figcaption>
        <xsl:call-template name="caption-label"/>
        <xsl:apply-templates select="s:caption/node()"/>
      </figcaption>
      <xsl:apply-templates select="c:svg/*" mode="svg"/>
      <p class="chart-data">
        <a href="#{$table-id}">
          <xsl:choose>
            <xsl:when test="$table/s:caption">
              <xsl:text>Data: see </xsl:text>
              <xsl:choose>
                <xsl:when test="$table/@c:label">
                  <xsl:value-of select="$table/@c:label"/>
                  <xsl:text>, “</xsl:text>
                </xsl:when>
                <xsl:otherwise>table “</xsl:otherwise>
              </xsl:choose>
              <xsl:apply-templates select="$table/s:caption/node()" mode="flat"/>
              <xsl:text>”</xsl:text>
            </xsl:when>
            <xsl:otherwise>Data: see the table of these figures</xsl:otherwise>
          </xsl:choose>
        </a>
      </p>
    </figure>
  </xsl:template>

  <!-- The SVG rebuilt element by element rather than copied: xsl:copy-of
       would carry the compiled tree's xmlns:c and xmlns:s onto the inline
       <svg>, which HTML does not allow.  Attributes are csdoc's own
       (numbers, colours, ids), text is escaped as usual. -->
  <xsl:template match="*" mode="svg">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/2000/svg">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="svg"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="svg"><xsl:value-of select="."/></xsl:template>

  <!-- A chart or diagram the original shows but whose data or drawing
       did not come with it: its number and caption stay, and a box says
       plainly what is missing instead of leaving a silent gap. -->
  <xsl:template match="s:placeholder">
    <figure>
      <xsl:attribute name="class">
        <xsl:text>placeholder placeholder-</xsl:text>
        <xsl:choose>
          <xsl:when test="@kind = 'diagram'">diagram</xsl:when>
          <xsl:otherwise>chart</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="copy-id"/>
      <figcaption>
        <xsl:call-template name="caption-label"/>
        <xsl:apply-templates select="s:caption/node()"/>
      </figcaption>
      <div class="placeholder-box">
        <p class="placeholder-missing">
          <xsl:choose>
            <xsl:when test="@kind = 'diagram'">The drawing of this diagram was not supplied with the source document.</xsl:when>
            <xsl:otherwise>The data for this chart was not supplied with the source document.</xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:apply-templates select="s:p"/>
      </div>
    </figure>
  </xsl:template>

  <!-- ============================================================ notes -->

  <!-- The Notes: every cited footnote, numbered ones in their order (csdoc
       numbered them by first citation), then those with a mark of their
       own ("*", "**") in the order they are declared.  Each links back to
       its first citation.  A footnote nothing cites is printed nowhere. -->
  <xsl:template match="s:footnotes">
    <xsl:variable name="cited" select="s:footnote[@c:cited = 'yes']"/>
    <xsl:if test="$cited">
      <section class="notes unnumbered" id="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes</h2>
        <ol class="labelled notes-list">
          <!-- number(x) = number(x) is false only for NaN: a mark, not a number -->
          <xsl:apply-templates select="$cited[number(@c:mark) = number(@c:mark)]">
            <xsl:sort select="@c:mark" data-type="number"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="$cited[not(number(@c:mark) = number(@c:mark))]"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="s:footnote">
    <li id="{@id}">
      <span class="label"><xsl:value-of select="@c:mark"/></span>
      <xsl:text> </xsl:text>
      <!-- A mark such as "*" is unique only on its page in print; here all
           notes share one list, so it says which part it annotates, by
           the name csdoc gives that part ("Table 2", "Section Nine"). -->
      <xsl:if test="not(number(@c:mark) = number(@c:mark))">
        <xsl:variable name="part" select="key('fn-first', @id)/ancestor::*[@c:xref][1]/@c:xref"/>
        <xsl:if test="$part">
          <span class="note-context">
            <xsl:text>In </xsl:text>
            <xsl:value-of select="$part"/>
            <xsl:text>:</xsl:text>
          </span>
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="fn-back" href="#fnref-{@id}">
        <xsl:text>Back to text</xsl:text>
        <span class="visually-hidden">
          <xsl:text> of note </xsl:text>
          <xsl:value-of select="@c:mark"/>
        </span>
      </a>
    </li>
  </xsl:template>

  <!-- ============================================================ flat text -->

  <!-- mode flat: inline text as plain words, for places that are already
       a link (a contents entry, a chart's link to its table): no nested
       links, no footnote marks. -->
  <xsl:template match="s:fn" mode="flat"/>
  <xsl:template match="s:xref" mode="flat"><xsl:value-of select="@c:text"/></xsl:template>
  <xsl:template match="s:name | s:date | s:figure" mode="flat"><xsl:value-of select="@c:display"/></xsl:template>
  <xsl:template match="s:br" mode="flat"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="*" mode="flat"><xsl:apply-templates mode="flat"/></xsl:template>
  <xsl:template match="text()" mode="flat"><xsl:value-of select="."/></xsl:template>

  <!-- Elements csdoc adds (c:register) print only where a kind's
       stylesheet asks for them. -->
  <xsl:template match="c:*"/>

</xsl:stylesheet>
