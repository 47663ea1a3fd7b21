<?xml version="1.0" encoding="UTF-8"?>
<!-- agreement.xsl: maps a compiled Community Safety Agreement to the print vocabulary (cover, contents, sections on new pages, priorities, indicator and target tables, actions, key activities, membership, glossary). -->
<!--
  Masters: cover (no running header or footer), page (portrait) and
  landscape, the last two with partnership | title above and "Page N of M"
  below.  Flows: the cover, the contents where <contents/> stands, then one
  flow per top-level section and appendix (a flow starts a new page), and
  the glossary.  A table with page="landscape" gets a flow of its own on
  the landscape master, so its section is cut into flows around it (see
  "Flows").  Headings: a section's is at its c:level with c:label in the
  hanging column, so the contents and bookmarks show "SECTION ONE
  Executive Summary".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:csdoc:print:1"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:agreement s:cover s:priorities s:priority
      s:section s:appendix s:target-leads s:indicators s:targets s:target
      s:priority-actions s:activities s:year s:activity s:membership
      s:footnotes c:derived"/>

  <xsl:variable name="draft" select="/s:agreement/@c:status = 'draft'"/>
  <!-- The accent of the cover and the header rows: a dark blue, white on
       it 8.7:1, dark in grey print too. -->
  <xsl:variable name="accent" select="'#1f4e79'"/>
  <!-- The draft notice on the cover. -->
  <xsl:variable name="draft-colour" select="'#a4111d'"/>
  <!-- Rows that head a group (a priority, a year): a pale blue-grey, so that
       they never read as the grey that marks statutory members. -->
  <xsl:variable name="group-shade" select="'#dfe7ef'"/>
  <!-- Tables (common.xsl): type a little smaller than the text, so that a
       row rarely needs a third line; header rows white on the dark blue,
       which no shading of the body (the light grey of statutory members,
       the blue-grey of group rows) can be taken for, in colour or grey. -->
  <xsl:variable name="cell-size" select="'9.5'"/>
  <xsl:variable name="header-shade" select="$accent"/>
  <xsl:variable name="header-colour" select="'#ffffff'"/>
  <!-- Lists in lists: a dash, as the original's second level. -->
  <xsl:variable name="inner-bullet" select="'–'"/>
  <!-- Where a value came from, under it in a cell. -->
  <xsl:variable name="source-size" select="'7.5'"/>

  <!-- Anchors: every element this stylesheet gives an id, by that id
       (csdoc's c:id where it gave one, else the author's); see has-target. -->
  <xsl:key name="anchor"
      match="s:section | s:appendix | s:table | s:indicators | s:targets
          | s:activities | s:membership | s:target-leads | s:chart
          | s:placeholder | s:priority-actions | s:p | s:ul | s:ol
          | s:heading | s:quote"
      use="@c:id | @id[not(../@c:id)]"/>
  <!-- Every priority list and every indicators table, in document order:
       which one comes first is asked for each of them and for every
       reference to a priority, and a walk of the whole document for each
       would make a long agreement cost its size squared. -->
  <xsl:key name="priority-lists" match="s:priority-list" use="''"/>
  <xsl:key name="indicator-tables" match="s:indicators" use="''"/>

  <!-- ============================================================ document -->

  <xsl:template match="/s:agreement">
    <document subject="Community Safety Agreement" author="{@c:partnership}">
      <xsl:attribute name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
      </xsl:attribute>
      <xsl:if test="s:cover/s:date">
        <xsl:attribute name="date"><xsl:value-of select="s:cover/s:date"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="@c:lang"><xsl:value-of select="@c:lang"/></xsl:when>
          <xsl:otherwise>en-GB</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$draft">
        <xsl:attribute name="watermark">DRAFT</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="page-master">
        <xsl:with-param name="name" select="'cover'"/>
        <xsl:with-param name="running" select="'no'"/>
        <xsl:with-param name="top" select="70"/>
      </xsl:call-template>
      <xsl:call-template name="agreement-master">
        <xsl:with-param name="name" select="'page'"/>
      </xsl:call-template>
      <xsl:if test=".//s:table[@page = 'landscape'] | .//s:targets[@page = 'landscape']">
        <xsl:call-template name="agreement-master">
          <xsl:with-param name="name" select="'landscape'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="s:cover"/>
      <xsl:apply-templates select="s:contents"/>
      <xsl:apply-templates select="s:section | s:appendix" mode="flows"/>
      <xsl:apply-templates select="s:glossary[s:term]"/>
    </document>
  </xsl:template>

  <!-- A master with the running header (partnership | title) and footer
       (DRAFT on a draft | Page N of M); NAME landscape turns it sideways. -->
  <xsl:template name="agreement-master">
    <xsl:param name="name"/>
    <xsl:call-template name="page-master">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="orientation">
        <xsl:choose>
          <xsl:when test="$name = 'landscape'">landscape</xsl:when>
          <xsl:otherwise>portrait</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="header-left"><xsl:value-of select="@c:partnership"/></xsl:with-param>
      <xsl:with-param name="header-right"><xsl:value-of select="@c:title"/></xsl:with-param>
      <xsl:with-param name="footer-left">
        <xsl:if test="$draft">DRAFT</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="footer-right">
        <xsl:text>Page </xsl:text>
        <page-number/>
        <xsl:text> of </xsl:text>
        <page-count/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ cover and contents -->

  <!-- The cover (its master starts the body a quarter of the way down):
       the logo, then the partnership, title and period large, as the
       original sets them.  They are paragraphs, not headings, so that the
       contents and bookmarks begin with the sections. -->
  <xsl:template match="s:cover">
    <flow master="cover">
      <xsl:apply-templates select="s:image"/>
      <para size="30" bold="yes" colour="{$accent}" space-before="24" space-after="14">
        <xsl:value-of select="s:partnership"/>
      </para>
      <para size="24" bold="yes" space-after="4"><xsl:value-of select="s:title"/></para>
      <para size="24" space-after="12"><xsl:value-of select="s:period"/></para>
      <xsl:if test="s:subtitle">
        <para size="13" colour="{$muted}" space-after="12"><xsl:value-of select="s:subtitle"/></para>
      </xsl:if>
      <rule space-before="10" space-after="10"/>
      <xsl:if test="s:date">
        <para size="12" colour="{$muted}"><xsl:value-of select="../@c:date-display"/></para>
      </xsl:if>
      <xsl:if test="$draft">
        <para size="12" bold="yes" colour="{$draft-colour}" space-before="18">DRAFT – this Agreement has not yet been approved.</para>
      </xsl:if>
    </flow>
  </xsl:template>

  <!-- The contents: the typesetter lists every heading down to a level,
       so the level is the deepest heading marked for the contents (1,
       sections and appendices only, when none is).  A priority-actions
       heading is one level below its section's. -->
  <xsl:template match="s:contents">
    <xsl:variable name="deepest">
      <xsl:for-each select="//s:section[@c:contents = 'yes'] | //s:appendix[@c:contents = 'yes']
          | //s:priority-actions[@c:contents = 'yes']">
        <xsl:sort select="sum(@c:level) + sum(self::s:priority-actions/../@c:level)
            + count(self::s:priority-actions)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="sum(@c:level) + sum(self::s:priority-actions/../@c:level)
              + count(self::s:priority-actions)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <flow master="page">
      <toc>
        <xsl:attribute name="levels">
          <xsl:choose>
            <xsl:when test="$deepest &gt; 6">6</xsl:when>
            <xsl:when test="$deepest &gt; 1"><xsl:value-of select="$deepest"/></xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="title">
          <xsl:choose>
            <xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when>
            <xsl:otherwise>Contents</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </toc>
    </flow>
  </xsl:template>

  <!-- ============================================================ flows -->

  <!-- A top-level section or appendix starts a new page: it is a flow.  A
       table printed landscape (a "wide" table) needs a flow of its own on
       the landscape master, so the section becomes portrait flows cut at
       its wide tables: segment 0 before the first, segment N after the
       Nth (see segment-range).  The headings a wide table opens (a section whose
       first content it is) go with it, never alone at a portrait page's
       foot; a portrait segment with nothing in it is left out. -->
  <xsl:template match="s:section | s:appendix" mode="flows">
    <xsl:variable name="wide" select=".//s:table[@page = 'landscape'] | .//s:targets[@page = 'landscape']"/>
    <xsl:variable name="top" select="."/>
    <xsl:choose>
      <xsl:when test="not($wide)">
        <flow master="page">
          <xsl:apply-templates select="."/>
        </flow>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="opener">
          <xsl:call-template name="opener"/>
        </xsl:variable>
        <xsl:if test="$opener = ''">
          <flow master="page">
            <xsl:call-template name="section-heading"/>
            <xsl:call-template name="segment-range">
              <xsl:with-param name="end" select="$wide[1]"/>
            </xsl:call-template>
          </flow>
        </xsl:if>
        <xsl:for-each select="$wide">
          <xsl:variable name="table" select="generate-id()"/>
          <flow master="landscape">
            <xsl:for-each select="ancestor::s:section | ancestor::s:appendix">
              <xsl:variable name="opens">
                <xsl:call-template name="opener"/>
              </xsl:variable>
              <xsl:if test="$opens = $table">
                <xsl:call-template name="section-heading"/>
              </xsl:if>
            </xsl:for-each>
            <xsl:apply-templates select="." mode="block"/>
          </flow>
          <xsl:variable name="k" select="position()"/>
          <xsl:variable name="rest">
            <xsl:call-template name="segment-after">
              <xsl:with-param name="top" select="$top"/>
              <xsl:with-param name="end" select="$wide[$k + 1]"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:if test="normalize-space($rest) != ''">
            <flow master="page">
              <xsl:copy-of select="$rest"/>
            </flow>
          </xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The generate-id() of the wide table that opens the context section
       (its first content, or its first sub-section's opener), else ''. -->
  <xsl:template name="opener">
    <xsl:variable name="first" select="*[not(self::s:title)][1]"/>
    <xsl:choose>
      <xsl:when test="$first[self::s:table or self::s:targets][@page = 'landscape']">
        <xsl:value-of select="generate-id($first)"/>
      </xsl:when>
      <xsl:when test="$first[self::s:section]">
        <xsl:for-each select="$first">
          <xsl:call-template name="opener"/>
        </xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The children of the context section after its FROM-th, flat (a
       sub-section as its heading, unless a wide table opens it, and its
       own children), up to the wide table END where END lies inside; a
       child holding END is opened the same way.  Each segment is written
       by walking only its own part of the section, so a section of many
       wide tables costs what it holds, not its size times their number. -->
  <xsl:template name="segment-range">
    <xsl:param name="from" select="0"/>
    <xsl:param name="end" select="/.."/>
    <xsl:variable name="me" select="."/>
    <xsl:variable name="stop" select="$end/ancestor-or-self::*[count(.. | $me) = 1]"/>
    <xsl:variable name="to">
      <xsl:choose>
        <xsl:when test="$stop"><xsl:value-of select="count($stop/preceding-sibling::*) + 1"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="count(*) + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="*[position() &gt; $from and position() &lt; number($to)][not(self::s:title)]">
      <xsl:call-template name="segment-child"/>
    </xsl:for-each>
    <xsl:for-each select="$stop[count(. | $end) = 2]">
      <xsl:call-template name="segment-child">
        <xsl:with-param name="end" select="$end"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="segment-child">
    <xsl:param name="end" select="/.."/>
    <xsl:choose>
      <xsl:when test="self::s:section">
        <xsl:variable name="opener">
          <xsl:call-template name="opener"/>
        </xsl:variable>
        <xsl:if test="$opener = ''">
          <xsl:call-template name="section-heading"/>
        </xsl:if>
        <xsl:call-template name="segment-range">
          <xsl:with-param name="end" select="$end"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="block"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What follows the context node (a wide table) in its top-level
       section TOP up to the wide table END: the rest of each section
       holding it, innermost first, until the one holding END. -->
  <xsl:template name="segment-after">
    <xsl:param name="top"/>
    <xsl:param name="end" select="/.."/>
    <xsl:variable name="me" select="."/>
    <xsl:if test="count(. | $top) != 1">
      <xsl:for-each select="..">
        <xsl:if test="self::s:section or self::s:appendix">
          <xsl:call-template name="segment-range">
            <xsl:with-param name="from" select="count($me/preceding-sibling::*) + 1"/>
            <xsl:with-param name="end" select="$end"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:variable name="parent" select="."/>
        <xsl:if test="not($end/ancestor::*[count(. | $parent) = 1])">
          <xsl:call-template name="segment-after">
            <xsl:with-param name="top" select="$top"/>
            <xsl:with-param name="end" select="$end"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ sections -->

  <xsl:template match="s:section | s:appendix">
    <xsl:call-template name="section-heading"/>
    <xsl:apply-templates select="*[not(self::s:title)]" mode="block"/>
  </xsl:template>

  <!-- A section's heading at its c:level, a top-level one with its label
       ("SECTION ONE", "Appendix 1") in the hanging column; the anchor of
       cross-references to it.  Footnotes with a symbol mark first cited in
       the title follow it. -->
  <xsl:template name="section-heading">
    <heading>
      <xsl:call-template name="heading-style">
        <xsl:with-param name="level" select="@c:level"/>
      </xsl:call-template>
      <xsl:call-template name="copy-id"/>
      <xsl:if test="@c:label">
        <xsl:attribute name="label"><xsl:value-of select="@c:label"/></xsl:attribute>
      </xsl:if>
      <!-- the contents list only what csdoc marked for them -->
      <xsl:if test="not(@c:contents = 'yes')">
        <xsl:attribute name="toc">no</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="s:title/node()"/>
    </heading>
    <xsl:if test="@c:level = 1">
      <rule space-before="0" space-after="10" keep-with-next="yes"/>
    </xsl:if>
    <xsl:for-each select="s:title">
      <xsl:call-template name="symbol-notes"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The level, size and spacing of a heading at LEVEL (1 a section,
       2 and deeper its sub-sections), as attributes of the heading being
       written.  A level-1 heading opens its page, so it needs no space
       before it. -->
  <xsl:template name="heading-style">
    <xsl:param name="level"/>
    <xsl:attribute name="level">
      <xsl:choose>
        <xsl:when test="$level &gt; 6">6</xsl:when>
        <xsl:when test="$level &gt;= 1"><xsl:value-of select="$level"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
    <xsl:choose>
      <xsl:when test="not($level &gt; 1)">
        <xsl:attribute name="size">16</xsl:attribute>
        <xsl:attribute name="space-before">0</xsl:attribute>
        <xsl:attribute name="space-after">4</xsl:attribute>
      </xsl:when>
      <xsl:when test="$level = 2">
        <xsl:attribute name="size">13</xsl:attribute>
        <xsl:attribute name="space-before">16</xsl:attribute>
        <xsl:attribute name="space-after">6</xsl:attribute>
      </xsl:when>
      <xsl:when test="$level = 3">
        <xsl:attribute name="size">11.5</xsl:attribute>
        <xsl:attribute name="space-before">12</xsl:attribute>
        <xsl:attribute name="space-after">4</xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="size">10.5</xsl:attribute>
        <xsl:attribute name="space-before">9</xsl:attribute>
        <xsl:attribute name="space-after">3</xsl:attribute>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- s:heading is one level below its section. -->
  <xsl:template name="section-rank">
    <xsl:variable name="sec" select="ancestor::*[self::s:section or self::s:appendix][1]"/>
    <xsl:choose>
      <xsl:when test="$sec/@c:level"><xsl:value-of select="$sec/@c:level"/></xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'y' when this stylesheet gives a block the id ID: what the anchor
       key holds, the first priority list's entries (or, without one, the
       priorities' rows in the first indicators table), and cited
       footnotes (a numbered one is its note, a marked one is set under its
       block by symbol-notes). -->
  <xsl:template name="has-target">
    <xsl:param name="id"/>
    <xsl:variable name="p" select="/s:agreement/s:priorities/s:priority[@c:id = $id]"/>
    <xsl:choose>
      <xsl:when test="key('anchor', $id)">y</xsl:when>
      <xsl:when test="$p and key('priority-lists', '')">y</xsl:when>
      <xsl:when test="$p and key('indicator-tables', '')[1]/s:indicator[@priority = $p/@id]">y</xsl:when>
      <xsl:when test="key('footnote', $id)[@c:cited = 'yes']">y</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ priorities -->

  <!-- The priorities as a numbered list ("1. Reducing Re-offending"), with
       their outcomes under them when asked.  The first list in the document
       holds the priorities' anchors and prints their titles in full (notes
       and all); a later one prints their words only, so that a footnote is
       never set twice. -->
  <xsl:template match="s:priority-list">
    <xsl:variable name="first" select="count(. | key('priority-lists', '')[1]) = 1"/>
    <xsl:variable name="outcomes" select="@outcomes = 'yes'"/>
    <list space-before="2" space-after="8">
      <xsl:attribute name="label-width">
        <xsl:call-template name="label-width">
          <xsl:with-param name="labels" select="/s:agreement/s:priorities/s:priority/@c:number"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:for-each select="/s:agreement/s:priorities/s:priority">
        <item label="{@c:number}.">
          <para space-after="3">
            <xsl:choose>
              <xsl:when test="$first">
                <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
                <xsl:apply-templates select="s:title/node()"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="@c:title"/></xsl:otherwise>
            </xsl:choose>
          </para>
          <xsl:if test="$outcomes and s:outcome">
            <list label-width="14" space-after="3">
              <xsl:for-each select="s:outcome">
                <item label="–"><para space-after="2"><xsl:apply-templates/></para></item>
              </xsl:for-each>
            </list>
          </xsl:if>
        </item>
      </xsl:for-each>
    </list>
    <xsl:if test="$first">
      <xsl:for-each select="/s:agreement/s:priorities">
        <xsl:call-template name="symbol-notes"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The priorities' own list is printed by s:priority-list. -->
  <xsl:template match="s:priorities"/>

  <!-- ============================================================ tables -->

  <!-- The start of a data table: its anchor and its numbered caption. -->
  <xsl:template name="table-frame">
    <xsl:call-template name="copy-id"/>
    <xsl:if test="s:caption">
      <caption><xsl:call-template name="caption-text"/></caption>
    </xsl:if>
  </xsl:template>

  <!-- A header row of plain headings (NAMES separated by '|'). -->
  <xsl:template name="header-row">
    <xsl:param name="names"/>
    <row header="yes">
      <xsl:call-template name="header-row-shade"/>
      <xsl:call-template name="header-cells">
        <xsl:with-param name="names" select="$names"/>
      </xsl:call-template>
    </row>
  </xsl:template>

  <!-- One header cell per name of NAMES, each aligned ALIGN if given. -->
  <xsl:template name="header-cells">
    <xsl:param name="names"/>
    <xsl:param name="align"/>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="contains($names, '|')"><xsl:value-of select="substring-before($names, '|')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$names"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <cell>
      <xsl:if test="$align != ''">
        <xsl:attribute name="align"><xsl:value-of select="$align"/></xsl:attribute>
      </xsl:if>
      <para>
        <xsl:call-template name="header-text"/>
        <xsl:value-of select="$name"/>
      </para>
    </cell>
    <xsl:if test="contains($names, '|')">
      <xsl:call-template name="header-cells">
        <xsl:with-param name="names" select="substring-after($names, '|')"/>
        <xsl:with-param name="align" select="$align"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A body cell holding TEXT, or with CONTENT 'yes' the context node's
       inline content; HEADER 'row' makes it the row's header (TH). -->
  <xsl:template name="data-cell">
    <xsl:param name="text"/>
    <xsl:param name="content" select="'no'"/>
    <xsl:param name="header"/>
    <cell>
      <xsl:if test="$header = 'row'">
        <xsl:attribute name="header">yes</xsl:attribute>
        <xsl:attribute name="scope">row</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$content = 'yes'">
          <xsl:if test="node()[self::* or normalize-space(.) != '']">
            <para size="{$cell-size}"><xsl:apply-templates/></para>
          </xsl:if>
        </xsl:when>
        <xsl:when test="normalize-space($text) != ''">
          <para size="{$cell-size}"><xsl:value-of select="$text"/></para>
        </xsl:when>
      </xsl:choose>
    </cell>
  </xsl:template>

  <!-- A row that heads a group of rows (a priority, a year): one cell across
       the table, a header cell so that readers hear it. -->
  <xsl:template name="group-row">
    <xsl:param name="columns"/>
    <xsl:param name="text"/>
    <xsl:param name="id"/>
    <row shade="{$group-shade}" bold="yes" keep-with-next="yes">
      <cell colspan="{$columns}" header="yes">
        <para size="{$cell-size}">
          <xsl:if test="$id != ''">
            <xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute>
          </xsl:if>
          <xsl:copy-of select="$text"/>
        </para>
      </cell>
    </row>
  </xsl:template>

  <!-- Target area | Target lead. -->
  <xsl:template match="s:target-leads">
    <table borders="grid" widths="40 60" space-before="6" space-after="10">
      <xsl:call-template name="table-frame"/>
      <xsl:call-template name="header-row">
        <xsl:with-param name="names" select="'Target area|Target lead'"/>
      </xsl:call-template>
      <xsl:for-each select="s:target-area">
        <row>
          <xsl:call-template name="data-cell">
            <xsl:with-param name="content" select="'yes'"/>
            <xsl:with-param name="header" select="'row'"/>
          </xsl:call-template>
          <xsl:call-template name="data-cell">
            <xsl:with-param name="text" select="string(@c:lead)"/>
          </xsl:call-template>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- Indicators grouped under their priorities, in the priorities' order:
       a row "1. Reducing Re-offending" across the table, then the
       priority's indicators.  In the first indicators table of a document
       without a priority list, those rows are the priorities' anchors. -->
  <xsl:template match="s:indicators">
    <xsl:variable name="ind" select="s:indicator"/>
    <xsl:variable name="anchors" select="not(key('priority-lists', '')) and count(. | key('indicator-tables', '')[1]) = 1"/>
    <table borders="grid" widths="60 16 24" space-before="6" space-after="10">
      <xsl:call-template name="table-frame"/>
      <xsl:call-template name="header-row">
        <xsl:with-param name="names" select="'Priority / indicator|Indicator code|Lead'"/>
      </xsl:call-template>
      <xsl:for-each select="/s:agreement/s:priorities/s:priority">
        <xsl:variable name="mine" select="$ind[@priority = current()/@id]"/>
        <xsl:if test="$mine">
          <xsl:call-template name="group-row">
            <xsl:with-param name="columns" select="3"/>
            <xsl:with-param name="text" select="concat(@c:number, '. ', @c:title)"/>
            <xsl:with-param name="id">
              <xsl:if test="$anchors"><xsl:value-of select="@c:id"/></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:for-each select="$mine">
            <row>
              <xsl:call-template name="data-cell">
                <xsl:with-param name="content" select="'yes'"/>
                <xsl:with-param name="header" select="'row'"/>
              </xsl:call-template>
              <xsl:call-template name="data-cell">
                <xsl:with-param name="text" select="string(@code)"/>
              </xsl:call-template>
              <xsl:call-template name="data-cell">
                <xsl:with-param name="text" select="string(@c:lead)"/>
              </xsl:call-template>
            </row>
          </xsl:for-each>
        </xsl:if>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- Table 2: each indicator's baselines, interim target and result, and
       the year's target, under grouped headings in two header rows (both
       repeat when the table goes on over a page). -->
  <xsl:template match="s:targets">
    <table borders="grid" space-before="6" space-after="10">
      <xsl:attribute name="widths">
        <xsl:choose>
          <xsl:when test="@page = 'landscape'">21 10 10 10 10 10 10 19</xsl:when>
          <xsl:otherwise>20 10 10 10 10 10 10 20</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="table-frame"/>
      <row header="yes">
        <xsl:call-template name="header-row-shade"/>
        <cell rowspan="2">
          <para><xsl:call-template name="header-text"/>Indicator</para>
        </cell>
        <cell colspan="2" align="center">
          <para><xsl:call-template name="header-text"/>Baseline</para>
        </cell>
        <cell colspan="2" align="center">
          <para>
            <xsl:call-template name="header-text"/>
            <xsl:text>Interim target </xsl:text>
            <xsl:value-of select="@interim"/>
          </para>
        </cell>
        <cell colspan="2" align="center">
          <para>
            <xsl:call-template name="header-text"/>
            <xsl:choose>
              <xsl:when test="@target-heading"><xsl:value-of select="@target-heading"/></xsl:when>
              <xsl:otherwise>Target</xsl:otherwise>
            </xsl:choose>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@year"/>
          </para>
        </cell>
        <cell rowspan="2">
          <para><xsl:call-template name="header-text"/>Target lead</para>
        </cell>
      </row>
      <row header="yes">
        <xsl:call-template name="header-row-shade"/>
        <xsl:call-template name="header-cells">
          <xsl:with-param name="names" select="'Original|Refresh|Target|Result|Original|Refresh'"/>
          <xsl:with-param name="align" select="'center'"/>
        </xsl:call-template>
      </row>
      <xsl:for-each select="s:target">
        <row>
          <cell header="yes" scope="row">
            <para size="{$cell-size}"><xsl:apply-templates select="s:measure/node()"/></para>
            <xsl:if test="@c:code">
              <para size="{$cell-size}" colour="{$muted}"><xsl:value-of select="@c:code"/></para>
            </xsl:if>
          </cell>
          <xsl:call-template name="target-value">
            <xsl:with-param name="v" select="s:baseline-original"/>
          </xsl:call-template>
          <xsl:call-template name="target-value">
            <xsl:with-param name="v" select="s:baseline-refresh"/>
          </xsl:call-template>
          <xsl:call-template name="target-value">
            <xsl:with-param name="v" select="s:interim-target"/>
          </xsl:call-template>
          <xsl:call-template name="target-value">
            <xsl:with-param name="v" select="s:interim-result"/>
          </xsl:call-template>
          <xsl:call-template name="target-value">
            <xsl:with-param name="v" select="s:target-original"/>
          </xsl:call-template>
          <xsl:call-template name="target-value">
            <xsl:with-param name="v" select="s:target-refresh"/>
          </xsl:call-template>
          <xsl:call-template name="data-cell">
            <xsl:with-param name="text" select="string(@c:lead)"/>
          </xsl:call-template>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- A baseline, target or result: the value, and where it came from on a
       line of its own in smaller type (empty cell when V is absent). -->
  <xsl:template name="target-value">
    <xsl:param name="v"/>
    <cell>
      <xsl:for-each select="$v">
        <xsl:if test="node()[self::* or normalize-space(.) != '']">
          <para size="{$cell-size}"><xsl:apply-templates/></para>
        </xsl:if>
        <xsl:if test="@source">
          <para size="{$source-size}" colour="{$muted}"><xsl:value-of select="@source"/></para>
        </xsl:if>
      </xsl:for-each>
    </cell>
  </xsl:template>

  <!-- ============================================================ actions -->

  <!-- "CSA Priority 1: Reduce Re-offending" (its own title, else the
       priority's words) one level below its section, any words, then
       "Actions 2010/11:" and the numbered actions. -->
  <xsl:template match="s:priority-actions">
    <xsl:variable name="rank">
      <xsl:call-template name="section-rank"/>
    </xsl:variable>
    <heading>
      <xsl:call-template name="heading-style">
        <xsl:with-param name="level" select="$rank + 1"/>
      </xsl:call-template>
      <xsl:call-template name="copy-id"/>
      <xsl:if test="not(@c:contents = 'yes')">
        <xsl:attribute name="toc">no</xsl:attribute>
      </xsl:if>
      <xsl:text>CSA Priority </xsl:text>
      <xsl:value-of select="@c:number"/>
      <xsl:text>: </xsl:text>
      <xsl:choose>
        <xsl:when test="s:title">
          <xsl:apply-templates select="s:title/node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@c:title"/>
        </xsl:otherwise>
      </xsl:choose>
    </heading>
    <xsl:for-each select="s:title">
      <xsl:call-template name="symbol-notes"/>
    </xsl:for-each>
    <xsl:apply-templates select="s:p"/>
    <para bold="yes" keep-with-next="yes" space-before="2" space-after="4">
      <xsl:text>Actions </xsl:text>
      <xsl:value-of select="@year"/>
      <xsl:text>:</xsl:text>
    </para>
    <list space-after="8">
      <xsl:attribute name="label-width">
        <xsl:call-template name="label-width">
          <xsl:with-param name="labels" select="s:action/@c:label"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:for-each select="s:action">
        <item label="{@c:label}"><xsl:call-template name="mixed-blocks"/></item>
      </xsl:for-each>
    </list>
  </xsl:template>

  <!-- ============================================================ key activities -->

  <!-- Ref | Action | Resources | Progress | Lead, a row across the table
       for each year ("Year 3 2010/11"), then what csdoc counted and added
       up, in words. -->
  <xsl:template match="s:activities">
    <table borders="grid" widths="10 38 17 18 17" space-before="6" space-after="8">
      <xsl:call-template name="table-frame"/>
      <xsl:call-template name="header-row">
        <xsl:with-param name="names" select="'Ref|Action|Resources|Progress|Lead'"/>
      </xsl:call-template>
      <xsl:for-each select="s:year">
        <xsl:call-template name="group-row">
          <xsl:with-param name="columns" select="5"/>
          <xsl:with-param name="text" select="concat('Year ', @c:number, ' ', @period)"/>
        </xsl:call-template>
        <xsl:for-each select="s:activity">
          <row>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:ref)"/>
              <xsl:with-param name="header" select="'row'"/>
            </xsl:call-template>
            <xsl:for-each select="s:task">
              <xsl:call-template name="data-cell">
                    <xsl:with-param name="content" select="'yes'"/>
                  </xsl:call-template>
            </xsl:for-each>
            <xsl:choose>
              <xsl:when test="s:resources">
                <xsl:for-each select="s:resources">
                  <xsl:call-template name="data-cell">
                    <xsl:with-param name="content" select="'yes'"/>
                  </xsl:call-template>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise><cell/></xsl:otherwise>
            </xsl:choose>
            <xsl:choose>
              <xsl:when test="s:progress">
                <xsl:for-each select="s:progress">
                  <xsl:call-template name="data-cell">
                    <xsl:with-param name="content" select="'yes'"/>
                  </xsl:call-template>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="data-cell">
                  <xsl:with-param name="text" select="string(@c:status-label)"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="data-cell">
              <xsl:with-param name="text" select="string(@c:lead)"/>
            </xsl:call-template>
          </row>
        </xsl:for-each>
      </xsl:for-each>
    </table>
    <xsl:call-template name="activities-summary"/>
  </xsl:template>

  <!-- "24 activities: 10 completed, 9 ongoing, 3 in progress, 2 planned.
       Money given in resources: £485,000." from c:derived; a status no
       activity has is left out. -->
  <xsl:template name="activities-summary">
    <xsl:variable name="d" select="c:derived/s:figure"/>
    <xsl:variable name="count" select="$d[@c:role = 'count']"/>
    <xsl:variable name="money" select="$d[@c:role = 'resources'][@c:value != 0]"/>
    <xsl:if test="$count">
      <para space-after="10">
        <xsl:value-of select="$count/@c:display"/>
        <xsl:choose>
          <xsl:when test="$count/@c:value = 1"> activity</xsl:when>
          <xsl:otherwise> activities</xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="$d[@c:role = 'status'][@c:value != 0]">
          <xsl:choose>
            <xsl:when test="position() = 1">: </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="@c:display"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="translate(@c:label, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
        <xsl:if test="$money">
          <xsl:text> Money given in resources: </xsl:text>
          <xsl:value-of select="$money/@c:display"/>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </para>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ membership -->

  <!-- The legend with its grey swatch above the table (kept with it, so
       the key is seen before the first shaded row), Organisation |
       Position with statutory members shaded, members-heading rows across
       the table in italics, then the counts. -->
  <xsl:template match="s:membership">
    <xsl:variable name="legend">
      <xsl:choose>
        <xsl:when test="@legend"><xsl:value-of select="@legend"/></xsl:when>
        <xsl:otherwise>Shaded: members required by legislation.</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="d" select="c:derived/s:figure"/>
    <xsl:if test="s:member[@c:shade = 'yes']">
      <graphic height="15" alt="{$legend}" space-before="4" space-after="2" keep-with-next="yes">
        <xsl:attribute name="width">
          <xsl:choose>
            <xsl:when test="string-length($legend) &gt; 80">480</xsl:when>
            <xsl:otherwise><xsl:value-of select="30 + string-length($legend) * 5.5"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <rect x="0.5" y="1.5" w="20" h="12" fill="{$shade}" stroke="#808080" stroke-width="0.5"/>
        <text x="27" y="11" size="9"><xsl:value-of select="$legend"/></text>
      </graphic>
    </xsl:if>
    <table borders="grid" widths="55 45" space-before="4" space-after="6">
      <xsl:call-template name="table-frame"/>
      <xsl:call-template name="header-row">
        <xsl:with-param name="names" select="'Organisation|Position'"/>
      </xsl:call-template>
      <xsl:for-each select="s:member | s:members-heading">
        <xsl:choose>
          <xsl:when test="self::s:members-heading">
            <row>
              <cell colspan="2" header="yes">
                <para size="{$cell-size}" italic="yes" space-before="2"><xsl:apply-templates/></para>
              </cell>
            </row>
          </xsl:when>
          <xsl:otherwise>
            <row>
              <xsl:if test="@c:shade = 'yes'">
                <xsl:attribute name="shade"><xsl:value-of select="$shade"/></xsl:attribute>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="node()[self::* or normalize-space(.) != '']">
                  <xsl:call-template name="data-cell">
                    <xsl:with-param name="content" select="'yes'"/>
                    <xsl:with-param name="header" select="'row'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="data-cell">
                    <xsl:with-param name="text" select="string(@c:name)"/>
                    <xsl:with-param name="header" select="'row'"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:call-template name="data-cell">
                <xsl:with-param name="text" select="string(@position)"/>
              </xsl:call-template>
            </row>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </table>
    <xsl:if test="$d[@c:role = 'members']">
      <para space-after="10">
        <xsl:value-of select="$d[@c:role = 'members']/@c:display"/>
        <xsl:choose>
          <xsl:when test="$d[@c:role = 'members']/@c:value = 1"> member</xsl:when>
          <xsl:otherwise> members</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$d[@c:role = 'statutory'][@c:value != 0]">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="$d[@c:role = 'statutory']/@c:display"/>
          <xsl:text> of them required by legislation (shaded)</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </para>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ glossary -->

  <!-- The abbreviations on a page of their own after the appendices, headed
       like an appendix so that the contents and bookmarks list them. -->
  <xsl:template match="s:glossary">
    <flow master="page">
      <heading>
        <xsl:call-template name="heading-style">
          <xsl:with-param name="level" select="1"/>
        </xsl:call-template>
        <xsl:text>Glossary</xsl:text>
      </heading>
      <rule space-before="0" space-after="10" keep-with-next="yes"/>
      <xsl:call-template name="glossary-table">
        <xsl:with-param name="headings" select="'yes'"/>
      </xsl:call-template>
    </flow>
  </xsl:template>

</xsl:stylesheet>
